package io.nexussync.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Absolute calendar dates in the common written forms, normalised to ISO-8601 ({@code 2025-03-03}, or
 * {@code 2025-03} for a month and year). Slashed numeric dates are read month first (US order) unless the first
 * number cannot be a month; dotted ones day first (European order). Impossible dates (31 June) are not dates.
 */
final class DateRecognizer {

    static final String DATE = "DATE";
    private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October"
            + "|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)";
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern SLASHED = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");
    private static final Pattern DOTTED = Pattern.compile("\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\.?,?\\s+(\\d{4})\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTH + "\\.?,?\\s+(?:of\\s+)?(\\d{4})\\b");

    List<Mention> find(String text) {
        List<Mention> found = new ArrayList<>();
        for (Matcher m = ISO.matcher(text); m.find();) {
            add(found, m, date(m.group(1), m.group(2), m.group(3)), 0.98);
        }
        for (Matcher m = SLASHED.matcher(text); m.find();) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            add(found, m, a > 12 ? date(m.group(3), b, a) : date(m.group(3), a, b), a > 12 || b > 12 ? 0.95 : 0.85);
        }
        for (Matcher m = DOTTED.matcher(text); m.find();) {
            add(found, m, date(m.group(3), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))), 0.85);
        }
        for (Matcher m = DAY_MONTH_YEAR.matcher(text); m.find();) {
            add(found, m, date(m.group(3), month(m.group(2)), Integer.parseInt(m.group(1))), 0.97);
        }
        for (Matcher m = MONTH_DAY_YEAR.matcher(text); m.find();) {
            add(found, m, date(m.group(3), month(m.group(1)), Integer.parseInt(m.group(2))), 0.97);
        }
        for (Matcher m = MONTH_YEAR.matcher(text); m.find();) {
            add(found, m, yearMonth(m.group(2), month(m.group(1))), 0.9);
        }
        return found;
    }

    private static void add(List<Mention> found, Matcher m, String iso, double confidence) {
        if (iso != null) {
            found.add(new Mention(DATE, m.group(), m.start(), m.end(), iso, confidence));
        }
    }

    private static int month(String name) {
        return MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT));
    }

    private static String date(String year, String month, String day) {
        return date(year, Integer.parseInt(month), Integer.parseInt(day));
    }

    private static String date(String year, int month, int day) {
        try {
            return LocalDate.of(Integer.parseInt(year), month, day).toString();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String yearMonth(String year, int month) {
        int y = Integer.parseInt(year);
        return y < 1000 ? null : YearMonth.of(y, month).toString();
    }
}
