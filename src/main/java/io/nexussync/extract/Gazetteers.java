package io.nexussync.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The word lists the name recogniser relies on, shipped in the jar under {@code entities/}: given names, surnames,
 * locations, well-known organisations, words that mark an organisation, legal-form suffixes, honorifics, and common
 * words that are capitalised only because they start a sentence. Entries are compared in lower case.
 */
public record Gazetteers(Set<String> givenNames, Set<String> surnames, Set<String> locations,
        Set<String> organizations, Set<String> orgKeywords, Set<String> companySuffixes, Set<String> honorifics,
        Set<String> commonWords) {

    public static Gazetteers builtIn() {
        return new Gazetteers(read("given-names"), read("surnames"), read("locations"), read("organizations"),
                read("org-keywords"), read("company-suffixes"), read("honorifics"), read("common-words"));
    }

    static Set<String> read(String name) {
        String resource = "entities/" + name + ".txt";
        InputStream in = Gazetteers.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("word list " + resource + " missing from the jar");
        }
        Set<String> entries = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    entries.add(entry.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        return Set.copyOf(entries);
    }
}
