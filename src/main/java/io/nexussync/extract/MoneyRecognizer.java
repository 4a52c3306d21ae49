package io.nexussync.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts with a currency: a symbol or ISO code before the number, or a code or currency word after it. The patterns
 * are tried only at the tokens where an amount can start (a currency symbol, a code, a number): scanning the whole
 * text with them at every position was the largest single cost of extraction.
 */
final class MoneyRecognizer {

    static final String MONEY = "MONEY";
    private static final String CODES = "USD|EUR|GBP|JPY|CHF|CAD|AUD|NZD|INR|CNY|RMB|HKD|SGD|SEK|NOK|DKK|PLN|CZK|HUF"
            + "|ZAR|BRL|MXN|KRW|TRY|AED|SAR|ILS|NGN|KES";
    private static final Set<String> CODE_SET = Set.of(CODES.split("\\|"));
    private static final Set<String> DOLLAR_PREFIXES = Set.of("US", "A", "C", "NZ", "S", "HK", "R");
    private static final String SYMBOLS = "$€£¥₹₩₪";
    private static final String AMOUNT = "\\d{1,3}(?:[,\\s]\\d{3})*(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
    private static final String SCALE = "(?:\\s?(?:million|billion|thousand|trillion|mn|bn|[kKmMbB])(?![\\p{L}]))?";
    private static final Pattern SYMBOL_BEFORE = Pattern.compile(
            "(?:US|A|C|NZ|S|HK|R)?[$€£¥₹₩₪]\\s?(?:" + AMOUNT + ")" + SCALE);
    private static final Pattern CODE_BEFORE = Pattern.compile("(?:" + CODES + ")\\s?(?:" + AMOUNT + ")" + SCALE);
    private static final Pattern AFTER = Pattern.compile("(?:" + AMOUNT + ")" + SCALE
            + "\\s?(?:" + CODES + "|dollars|euros|pounds|yen|francs|rupees)(?![\\p{L}])");

    List<Mention> find(String text, List<Token> tokens) {
        List<Mention> found = new ArrayList<>();
        Matcher symbol = SYMBOL_BEFORE.matcher(text);
        Matcher code = CODE_BEFORE.matcher(text);
        Matcher after = AFTER.matcher(text);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            char first = t.text().charAt(0);
            boolean dollarPrefix = DOLLAR_PREFIXES.contains(t.text()) && i + 1 < tokens.size()
                                   && tokens.get(i + 1).text().equals("$");
            if (SYMBOLS.indexOf(first) >= 0 || dollarPrefix) {
                add(found, symbol, t.start(), text.length(), 0.95);
            } else if (CODE_SET.contains(t.text())) {
                add(found, code, t.start(), text.length(), 0.95);
            } else if (Character.isDigit(first)
                       && (t.start() == 0 || ".,$€£¥".indexOf(text.charAt(t.start() - 1)) < 0)) {
                add(found, after, t.start(), text.length(), 0.9);
            }
        }
        return found;
    }

    private static void add(List<Mention> found, Matcher m, int at, int end, double confidence) {
        if (m.region(at, end).lookingAt()) {
            String amount = m.group().strip();
            found.add(new Mention(MONEY, amount, at, at + amount.length(), null, confidence));
        }
    }
}
