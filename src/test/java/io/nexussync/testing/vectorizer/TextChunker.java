package io.nexussync.testing.vectorizer;

import java.util.ArrayList;
import java.util.List;

/**
 * The server's {@code Chunker::chunk_text}: windows of {@code size} characters that end after the last whitespace
 * or sentence mark in the window, trimmed, empty ones skipped, the next window starting {@code overlap} before the
 * previous end. The server counts UTF-8 bytes; this counts UTF-16 chars, the same for ASCII text.
 */
final class TextChunker {

    /** FileUploadConfig defaults. */
    static final int DEFAULT_SIZE = 2048;
    static final int DEFAULT_OVERLAP = 256;
    /** {@code /insert} chunks only texts longer than this, whatever {@code chunk_size} says. */
    static final int CHUNK_THRESHOLD = 2048;

    private TextChunker() {
    }

    static List<String> chunk(String text, int size, int overlap) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + size, text.length());
            if (end < text.length()) {
                for (int i = end - 1; i >= start; i--) {
                    char c = text.charAt(i);
                    if (Character.isWhitespace(c) || c == '.' || c == '!' || c == '?') {
                        end = i + 1;
                        break;
                    }
                }
            }
            String chunk = text.substring(start, end).strip();
            if (!chunk.isEmpty()) {
                chunks.add(chunk);
            }
            int next = end >= overlap ? end - overlap : end;
            start = next <= start ? end : next;
        }
        return chunks;
    }
}
