package dev.sockscope.store;

/** A stored block of frames that cannot be read back as written: the file was damaged. */
final class DamagedBlockException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DamagedBlockException(String detail) {
        super(detail);
    }

    DamagedBlockException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
