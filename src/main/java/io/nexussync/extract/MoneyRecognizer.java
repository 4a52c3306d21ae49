package io.nexussync.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Amounts with a currency: a symbol or ISO code before the number, or a code or currency word after it. */
final class MoneyRecognizer {

    static final String MONEY = "MONEY";
    private static final String CODES = "USD|EUR|GBP|JPY|CHF|CAD|AUD|NZD|INR|CNY|RMB|HKD|SGD|SEK|NOK|DKK|PLN|CZK|HUF"
            + "|ZAR|BRL|MXN|KRW|TRY|AED|SAR|ILS|NGN|KES";
    private static final String AMOUNT = "\\d{1,3}(?:[,\\s]\\d{3})*(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
    private static final String SCALE = "(?:\\s?(?:million|billion|thousand|trillion|mn|bn|[kKmMbB])(?![\\p{L}]))?";
    private static final Pattern BEFORE = Pattern.compile(
            "(?:US\\$|A\\$|C\\$|NZ\\$|S\\$|HK\\$|R\\$|\\$|€|£|¥|₹|₩|₪|(?<![\\p{L}])(?:" + CODES + ")\\s?)"
            + "(?:" + AMOUNT + ")" + SCALE);
    private static final Pattern AFTER = Pattern.compile(
            "(?<![\\d.,$€£¥])(?:" + AMOUNT + ")" + SCALE
            + "\\s?(?:" + CODES + "|dollars|euros|pounds|yen|francs|rupees)(?![\\p{L}])");

    List<Mention> find(String text) {
        List<Mention> found = new ArrayList<>();
        for (Matcher m = BEFORE.matcher(text); m.find();) {
            found.add(new Mention(MONEY, m.group().strip(), m.start(), m.start() + m.group().strip().length(), null,
                    0.95));
        }
        for (Matcher m = AFTER.matcher(text); m.find();) {
            found.add(new Mention(MONEY, m.group(), m.start(), m.end(), null, 0.9));
        }
        return found;
    }
}
