package dev.sockscope.app;

/**
 * What a session may be called: shown in lists, typed on command lines, written in file names.
 * Checked before anything is recorded, so a bad name is refused up front instead of stopping
 * the recorder later.
 */
public final class SessionNames {
    /** The recording keeps names up to this many characters. */
    public static final int MAX_LENGTH = 200;

    private SessionNames() {
    }

    /** Returns the name, trimmed, or refuses it with a line that says why. */
    public static String check(String name) {
        if (name == null || name.isBlank()) {
            throw UserFacingException.usage("a session name cannot be empty");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw UserFacingException.usage("a session name is at most " + MAX_LENGTH + " characters (this one has "
                    + trimmed.length() + ")");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.isISOControl(trimmed.charAt(i))) {
                throw UserFacingException.usage("a session name cannot contain control characters (line breaks, tabs)");
            }
        }
        return trimmed;
    }
}
