package io.nexussync.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds PERSON, ORGANIZATION and LOCATION names: runs of capitalised words (with connectors such as "of" or "van"
 * inside, and a legal-form suffix at the end), typed by gazetteers and context cues: a legal-form suffix or an
 * organisation word makes an organisation, an honorific or a known given name a person, a known place or a place cue
 * ("based in") a location. A run nothing vouches for is dropped: capitalised headings are common, names without any
 * evidence are rare. Runs that only repeat part of a name found elsewhere in the document are left to
 * {@link EntityExtractor}, which resolves them against the full names.
 */
final class NameRecognizer {

    static final String PERSON = "PERSON";
    static final String ORGANIZATION = "ORGANIZATION";
    static final String LOCATION = "LOCATION";
    /** A capitalised run with no evidence of its own; kept only if it repeats a name found elsewhere. */
    static final String UNKNOWN = "UNKNOWN";

    /** Words inside a name ("Bank of America", "Procter & Gamble"); not "and", which mostly joins two names. */
    private static final Set<String> CONNECTORS = Set.of("of", "&", "de", "del", "della", "der", "den", "van",
            "von", "la", "le", "du", "da", "di", "dos", "das", "y", "bin", "al", "for", "the");
    private static final Set<String> PLACE_CUES = Set.of("in", "from", "to", "at", "near", "across", "throughout",
            "outside", "inside", "around", "via", "into", "visit", "visiting", "toward", "towards");
    private static final Set<String> PERSON_CUES_BEFORE = Set.of("with", "by", "thanks", "cc", "ask", "contact",
            "dear", "hi", "hello", "hey", "per", "and", "from", "to", "told", "call", "called", "asked", "ping",
            "emailed", "met", "thank", "tell", "invite", "invited", "welcome", "congratulations", "congrats");
    private static final Set<String> PERSON_CUES_AFTER = Set.of("said", "says", "wrote", "asked", "confirmed",
            "joined", "joins", "will", "is", "was", "has", "had", "approved", "signed", "noted", "reported", "agreed",
            "explained", "added", "leads", "led", "owns", "replied", "presented", "mentioned", "suggested", "thinks",
            "can", "could", "would", "should", "needs", "wants", "sent", "shared", "started", "left");
    /**
     * Organisation names that are also everyday words or acronyms ("Target", "Visa", "Apple", "ISO"): taken as an
     * organisation only after a word that introduces one ("at Apple", "with Chase").
     */
    private static final Set<String> AMBIGUOUS_ORGS = Set.of("apple", "amazon", "target", "visa", "chase", "sprint",
            "arm", "un", "iso", "ap", "shell", "oracle", "square", "gap", "mars", "delta", "jaguar", "puma", "orange",
            "corona", "subway", "ford", "lincoln", "paris", "jordan", "georgia", "who", "eu", "us", "it", "hr", "ge",
            "bp", "sap", "ibm", "meta", "uber", "zoom", "slack", "box", "snap", "fox", "dell", "hp");
    private static final Set<String> ORG_CUES = Set.of("at", "from", "with", "by", "joined", "joining", "for", "and",
            "or", "like", "via", "vs", "versus", "partner", "customer", "client", "vendor", "supplier", "acquired",
            "of", "to");
    /** Names of internal units: a run made only of these and organisation words is a department, not an entity. */
    private static final Set<String> GENERIC_UNITS = Set.of("finance", "financial", "compliance", "audit", "management",
            "executive", "social", "disclosure", "directors", "board", "committee", "department", "group", "reporting",
            "consolidation", "engineering", "storage", "partner", "partners", "legal", "hr", "people", "sales",
            "marketing", "operations", "product", "security", "platform", "data", "customer", "services", "service",
            "support", "team", "division", "corporate", "accounts", "payable", "receivable", "treasury", "tax",
            "risk", "procurement", "it", "infrastructure", "facilities", "office", "council", "club", "secretary",
            "secretariat", "human", "resources", "talent", "research", "development", "quality", "safety", "works",
            "the", "of", "&", "and", "for", "internal", "global", "regional", "central", "steering", "advisory",
            "remuneration", "nomination", "supervisory", "investment", "credit", "company", "parent", "holding",
            "project", "programme", "program", "desk", "unit", "center", "centre");
    /** Last words of document and event titles ("Master Services Agreement", "Group Travel Policy"). */
    private static final Set<String> TITLE_ENDINGS = Set.of("agreement", "policy", "plan", "review", "report",
            "contract", "act", "schedule", "addendum", "amendment", "guide", "handbook", "procedure", "process",
            "programme", "program", "meeting", "day", "week", "summit", "conference", "update", "notice", "terms",
            "regulation", "directive", "standard", "framework", "statement", "template", "form", "manual");
    /** Last words of named places ("Battersea Park", "Victoria Station"). */
    private static final Set<String> PLACE_ENDINGS = Set.of("park", "street", "road", "avenue", "square", "station",
            "bridge", "lake", "river", "creek", "mountain", "mountains", "hill", "hills", "valley", "bay", "beach",
            "island", "islands", "memorial", "field", "museum", "airport", "harbour", "harbor", "port", "market",
            "gardens", "garden", "pavilion", "dome", "quay", "wharf", "pier", "canal", "forest", "coast", "prefecture",
            "province", "county", "district", "region", "state");
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday");

    private final Gazetteers lists;

    NameRecognizer(Gazetteers lists) {
        this.lists = lists;
    }

    /**
     * Names in one sentence of {@code text}: its {@code tokens}, the sentence ending at {@code to}. In a
     * {@code headline} every word may be capitalised, so only strong evidence (suffix, gazetteer, honorific, full
     * person name) counts there.
     */
    List<Mention> find(String text, List<Token> tokens, int to, boolean headline) {
        List<Mention> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (!startsName(tokens, i)) {
                i++;
                continue;
            }
            int j = i;
            int end = tokens.get(i).end();
            while (true) {
                int next = extend(tokens, j);
                if (next < 0) {
                    break;
                }
                j = next;
                end = tokens.get(j).end();
            }
            if (honorificBefore(tokens, i) || isHonorific(tokens.get(i))) {
                // "Dr. Petra Hofbauer of Hofbauer Rechtsanwälte": the person ends before "of"
                for (int k = i + 1; k < j; k++) {
                    if (tokens.get(k).text().equals("of")) {
                        j = k - 1;
                        end = tokens.get(j).end();
                        break;
                    }
                }
            }
            end = suffixDot(text, tokens, j, end, to);
            Mention m = classify(text, tokens, i, j, end, headline);
            if (m != null && m.type().equals(UNKNOWN) && j > i) {
                List<Mention> parts = knownParts(text, tokens, i, j);
                found.addAll(parts.isEmpty() ? List.of(m) : parts);
            } else if (m != null) {
                found.add(m);
            }
            i = j + 1;
        }
        return found;
    }

    private boolean startsName(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        return t.isWord() && t.isCapitalised() && !Character.isDigit(t.text().charAt(0))
               && (!t.isAllCaps() || knownAllCaps(t) || i + 1 < tokens.size() && isSuffix(tokens.get(i + 1)));
    }

    /** Acronyms are usually technical terms (API, SLA, NDA); only those known as an organisation or place count. */
    private boolean knownAllCaps(Token t) {
        String lower = t.lower();
        return lists.organizations().contains(lower) || lists.locations().contains(lower)
               || lists.companySuffixes().contains(lower) || t.text().contains(".");
    }

    /** The index of the run's next token, or -1 when the run ends before {@code j + 1}. */
    private int extend(List<Token> tokens, int j) {
        if (j + 1 >= tokens.size()) {
            return -1;
        }
        Token next = tokens.get(j + 1);
        if (isSuffix(next)) {
            return j + 1;
        }
        if (next.text().equals(".") && tokens.get(j).text().length() == 1 && tokens.get(j).isCapitalised()
            && j + 2 < tokens.size() && startsName(tokens, j + 2)) {
            return j + 2; // an initial: "John F. Kennedy"
        }
        if (startsName(tokens, j + 1) && !MONTHS.contains(next.lower())) {
            return j + 1;
        }
        if (j + 2 < tokens.size() && (CONNECTORS.contains(next.text()) && startsName(tokens, j + 2)
                                      || next.text().equals(",") && isSuffix(tokens.get(j + 2))
                                         && tokens.get(j + 2).text().length() <= 5)) {
            return j + 2;
        }
        return -1;
    }

    /** A legal-form suffix; written in lower case ("as", "corporation") it is an ordinary word, except "plc". */
    private boolean isSuffix(Token t) {
        if (t.text().equals(t.lower()) && !t.text().equals("plc")) {
            return false;
        }
        return lists.companySuffixes().contains(t.lower()) || lists.companySuffixes().contains(t.lower() + ".");
    }

    /** "Inc." keeps its dot when the suffix is written with one. */
    private int suffixDot(String text, List<Token> tokens, int j, int end, int limit) {
        Token last = tokens.get(j);
        if (end < limit && text.charAt(end) == '.' && isSuffix(last)
            && lists.companySuffixes().contains(last.lower() + ".")) {
            return end + 1;
        }
        return end;
    }

    private Mention classify(String text, List<Token> tokens, int first, int last, int end, boolean headline) {
        boolean honorific = honorificBefore(tokens, first);
        boolean sentenceStart = first == 0 || isOpening(tokens.get(first - 1));
        // leading words that are capitalised only because they open the sentence, or are titles
        while (first <= last) {
            String lower = tokens.get(first).lower();
            if (lists.honorifics().contains(lower) || lists.honorifics().contains(lower + ".")) {
                honorific = true;
                first = skipDot(tokens, first, last);
                sentenceStart = false;
            } else if (lists.commonWords().contains(lower) && !(first < last && personName(tokens, first, last))
                       && !(first < last && lists.orgKeywords().contains(lower))) {
                first++;
                sentenceStart = false;
            } else {
                break;
            }
        }
        if (first > last) {
            return null;
        }
        int start = tokens.get(first).start();
        String name = text.substring(start, end);
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        int words = last - first + 1;
        Token lastToken = tokens.get(last);
        String before = first > 0 ? tokens.get(first - 1).lower() : "";
        String after = last + 1 < tokens.size() ? tokens.get(last + 1).lower() : "";

        if (words >= 2 && isSuffix(lastToken)) {
            return new Mention(ORGANIZATION, name, start, end, null, 0.95);
        }
        if (lists.organizations().contains(lower)
            && (!AMBIGUOUS_ORGS.contains(lower) || ORG_CUES.contains(before) && !sentenceStart)) {
            return new Mention(ORGANIZATION, name, start, end, null, AMBIGUOUS_ORGS.contains(lower) ? 0.6 : 0.9);
        }
        if (words >= 2 && hasOrgKeyword(tokens, first, last) && !lists.locations().contains(lower)
            && !genericUnit(tokens, first, last) && !TITLE_ENDINGS.contains(lastToken.lower())) {
            return new Mention(ORGANIZATION, name, start, end, null, 0.85);
        }
        if (words >= 2 && PLACE_ENDINGS.contains(lastToken.lower()) && !honorific) {
            return new Mention(LOCATION, name, start, end, null, 0.7);
        }
        if (honorific && nameLike(tokens, first, last)) {
            return new Mention(PERSON, name, start, end, null, 0.9);
        }
        boolean place = lists.locations().contains(lower);
        boolean given = lists.givenNames().contains(tokens.get(first).lower());
        if (place && !(words == 1 && given && personContext(before, after))) {
            return new Mention(LOCATION, name, start, end, null, words == 1 && given ? 0.7 : 0.85);
        }
        if (words >= 2 && personName(tokens, first, last)) {
            return new Mention(PERSON, name, start, end, null, given ? 0.85 : 0.7);
        }
        if (headline) {
            return null;
        }
        if (words == 1 && given) {
            boolean ambiguous = lists.commonWords().contains(lower) || MONTHS.contains(lower);
            if (!ambiguous && !sentenceStart || personContext(before, after)) {
                return new Mention(PERSON, name, start, end, null, ambiguous ? 0.55 : 0.65);
            }
            return null;
        }
        if (placeCue(tokens, first)) {
            return new Mention(LOCATION, name, start, end, null, 0.55);
        }
        if (sentenceStart && words == 1 && lists.commonWords().contains(lower)) {
            return null;
        }
        return new Mention(UNKNOWN, name, start, end, null, 0.5);
    }

    /**
     * Known places and organisations inside a run nothing vouches for as a whole: "Johannesburg DC",
     * "VP Operations Europe", "France & Benelux". Longest known part first, left to right.
     */
    private List<Mention> knownParts(String text, List<Token> tokens, int first, int last) {
        List<Mention> parts = new ArrayList<>();
        int i = first;
        while (i <= last) {
            int matched = -1;
            String type = null;
            for (int j = last; j >= i && matched < 0; j--) {
                String span = text.substring(tokens.get(i).start(), tokens.get(j).end());
                String lower = span.toLowerCase(java.util.Locale.ROOT);
                if (lists.locations().contains(lower)) {
                    matched = j;
                    type = LOCATION;
                } else if (lists.organizations().contains(lower) && !AMBIGUOUS_ORGS.contains(lower)) {
                    matched = j;
                    type = ORGANIZATION;
                }
            }
            if (matched < 0) {
                i++;
                continue;
            }
            parts.add(new Mention(type, text.substring(tokens.get(i).start(), tokens.get(matched).end()),
                    tokens.get(i).start(), tokens.get(matched).end(), null, 0.7));
            i = matched + 1;
        }
        return parts;
    }

    /** Given name first (or a known surname last), and no word of the run a common word or a month. */
    private boolean personName(List<Token> tokens, int first, int last) {
        if (last - first > 3) {
            return false;
        }
        for (int k = first + 1; k <= last; k++) {
            String w = tokens.get(k).lower();
            if (MONTHS.contains(w) || lists.commonWords().contains(w) && !lists.surnames().contains(w)) {
                return false;
            }
        }
        return lists.givenNames().contains(tokens.get(first).lower())
               || lists.surnames().contains(tokens.get(last).lower()) && !lists.commonWords().contains(
                       tokens.get(first).lower());
    }

    /** No word of the run is an organisation word, a unit or a title word: "Director Services Agreement" is not. */
    private boolean nameLike(List<Token> tokens, int first, int last) {
        for (int k = first; k <= last; k++) {
            String w = tokens.get(k).lower();
            if (lists.orgKeywords().contains(w) || GENERIC_UNITS.contains(w) || TITLE_ENDINGS.contains(w)
                || lists.commonWords().contains(w) && !lists.givenNames().contains(w)) {
                return false;
            }
        }
        return true;
    }

    private static boolean genericUnit(List<Token> tokens, int first, int last) {
        for (int k = first; k <= last; k++) {
            if (!GENERIC_UNITS.contains(tokens.get(k).lower())) {
                return false;
            }
        }
        return true;
    }

    private boolean hasOrgKeyword(List<Token> tokens, int first, int last) {
        for (int k = first; k <= last; k++) {
            if (lists.orgKeywords().contains(tokens.get(k).lower())) {
                return true;
            }
        }
        return false;
    }

    private boolean honorificBefore(List<Token> tokens, int i) {
        int k = i - 1;
        if (k >= 0 && tokens.get(k).text().equals(".")) {
            k--;
        }
        if (k < 0) {
            return false;
        }
        String lower = tokens.get(k).lower();
        return lists.honorifics().contains(lower) || lists.honorifics().contains(lower + ".");
    }

    private boolean isHonorific(Token t) {
        return lists.honorifics().contains(t.lower()) || lists.honorifics().contains(t.lower() + ".");
    }

    private static int skipDot(List<Token> tokens, int i, int last) {
        return i + 1 <= last && tokens.get(i + 1).text().equals(".") ? i + 2 : i + 1;
    }

    private static boolean isOpening(Token t) {
        return !t.isWord() && "\"'“‘([-–—•*:>".contains(t.text());
    }

    private static boolean personContext(String before, String after) {
        return PERSON_CUES_BEFORE.contains(before) && !PLACE_CUES.contains(before) || PERSON_CUES_AFTER.contains(after);
    }

    private static boolean placeCue(List<Token> tokens, int first) {
        if (first < 2) {
            return false;
        }
        String prev = tokens.get(first - 1).lower();
        String prev2 = tokens.get(first - 2).lower();
        return prev.equals("in") && Set.of("based", "headquartered", "located", "offices", "office", "operations")
                .contains(prev2);
    }
}
