package dev.sockscope.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** File errors in the words a user acts on: which file, and what is wrong with it. */
final class Problems {
    private Problems() {
    }

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return "no such file or directory: " + missing.getFile();
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (e instanceof NotDirectoryException notDir) {
            return "not a directory: " + notDir.getFile();
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return "already exists: " + exists.getFile();
        }
        if (e instanceof FileSystemException fs) {
            return fs.getReason() == null ? "cannot use " + fs.getFile() : fs.getFile() + ": " + fs.getReason();
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }
}
