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
    // anchored at a token (lookingAt), so each runs only where a date can start, not at every position of the text
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\.?,?\\s+(\\d{4})\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern MONTH_YEAR = Pattern.compile(MONTH + "\\.?,?\\s+(?:of\\s+)?(\\d{4})\\b");

    /** Dates starting at a number or a capitalised word of {@code tokens} (the tokens of {@code text}). */
    List<Mention> find(String text, List<Token> tokens) {
        List<Mention> found = new ArrayList<>();
        Matchers m = new Matchers(text);
        for (Token t : tokens) {
            char first = t.text().charAt(0);
            if (Character.isDigit(first)) {
                numeric(m, t.start(), found);
            } else if ("JFMASOND".indexOf(first) >= 0) {
                written(m, t.start(), found);
            }
        }
        return found;
    }

    /** One matcher per pattern for a text, re-anchored at each candidate instead of allocated anew. */
    private static final class Matchers {
        final Matcher iso;
        final Matcher slashed;
        final Matcher dotted;
        final Matcher dayMonthYear;
        final Matcher monthDayYear;
        final Matcher monthYear;
        final int end;

        Matchers(String text) {
            iso = ISO.matcher(text);
            slashed = SLASHED.matcher(text);
            dotted = DOTTED.matcher(text);
            dayMonthYear = DAY_MONTH_YEAR.matcher(text);
            monthDayYear = MONTH_DAY_YEAR.matcher(text);
            monthYear = MONTH_YEAR.matcher(text);
            end = text.length();
        }
    }

    private static boolean at(Matcher m, int at, int end) {
        return m.region(at, end).lookingAt();
    }

    private static void numeric(Matchers ms, int at, List<Mention> found) {
        if (at(ms.iso, at, ms.end)) {
            Matcher m = ms.iso;
            add(found, m, date(m.group(1), m.group(2), m.group(3)), 0.98);
        } else if (at(ms.slashed, at, ms.end)) {
            Matcher m = ms.slashed;
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            add(found, m, a > 12 ? date(m.group(3), b, a) : date(m.group(3), a, b), a > 12 || b > 12 ? 0.95 : 0.85);
        } else if (at(ms.dotted, at, ms.end)) {
            Matcher m = ms.dotted;
            add(found, m, date(m.group(3), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))), 0.85);
        } else if (at(ms.dayMonthYear, at, ms.end)) {
            Matcher m = ms.dayMonthYear;
            add(found, m, date(m.group(3), month(m.group(2)), Integer.parseInt(m.group(1))), 0.97);
        }
    }

    private static void written(Matchers ms, int at, List<Mention> found) {
        if (at(ms.monthDayYear, at, ms.end)) {
            Matcher m = ms.monthDayYear;
            add(found, m, date(m.group(3), month(m.group(1)), Integer.parseInt(m.group(2))), 0.97);
        } else if (at(ms.monthYear, at, ms.end)) {
            Matcher m = ms.monthYear;
            add(found, m, yearMonth(m.group(2), month(m.group(1))), 0.9);
        }
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
