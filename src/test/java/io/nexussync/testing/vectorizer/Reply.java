package io.nexussync.testing.vectorizer;

/** An HTTP answer: status, a body Jackson can serialise, and the Retry-After seconds (null: no header). */
record Reply(int status, Object body, Integer retryAfter) {

    static Reply ok(Object body) {
        return new Reply(200, body, null);
    }
}
