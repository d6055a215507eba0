package dev.sockscope.app;

import dev.sockscope.store.StoreException;
import java.util.function.Supplier;

/**
 * Runs a query on the recording and turns the store's failures (a damaged block, a disk error)
 * into a {@link UserFacingException} carrying the store's message, which already names the file
 * and what is wrong: the command line prints it in one line and exits 1, the window shows it;
 * neither reports it as a bug.
 */
final class StoreCalls {
    private StoreCalls() {
    }

    /**
     * Says, after the rest was delivered, what a search or export left out because it was damaged:
     * a failure naming the first damaged block and how many more there were.
     */
    static void reportDamage(java.util.List<String> damaged, String done) {
        if (damaged.isEmpty()) {
            return;
        }
        String more = damaged.size() == 1 ? "" : " (and " + (damaged.size() - 1) + " more damaged blocks)";
        throw new UserFacingException(UserFacingException.Kind.FAILURE, done + ", but left out what could not be read: "
                + damaged.get(0) + more);
    }

    static <T> T call(Supplier<T> query) {
        try {
            return query.get();
        } catch (StoreException e) {
            throw new UserFacingException(UserFacingException.Kind.FAILURE, e.getMessage(), e);
        }
    }
}
