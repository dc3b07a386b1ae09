package dev.menagerie.admin.impl.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sets one key in the lines of a zoo.cfg, keeping every other line (comments included) as it was. zoo.cfg is read
 * as a Java properties file, so a key ends at {@code =}, {@code :} or white space, and the last of repeated lines
 * wins: every line of the key gets the new value, and a key the file lacks is appended.
 */
final class ZooCfgEdit {

    private ZooCfgEdit() {
    }

    static List<String> withKey(List<String> lines, String key, String value) {
        Pattern keyLine = Pattern.compile("^\\s*" + Pattern.quote(key) + "(\\s*[=:]|\\s+|$).*");
        String replacement = key + "=" + value;
        List<String> edited = new ArrayList<>(lines.size() + 1);
        boolean found = false;
        for (String line : lines) {
            if (keyLine.matcher(line).matches()) {
                edited.add(replacement);
                found = true;
            } else {
                edited.add(line);
            }
        }
        if (!found) {
            edited.add(replacement);
        }
        return edited;
    }
}
