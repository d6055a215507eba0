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

    static <T> T call(Supplier<T> query) {
        try {
            return query.get();
        } catch (StoreException e) {
            throw new UserFacingException(UserFacingException.Kind.FAILURE, e.getMessage(), e);
        }
    }
}
