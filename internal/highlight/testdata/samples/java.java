package com.example.docs;

import java.io.IOException;
import java.util.*;
import static java.util.Objects.requireNonNull;

/**
 * Uploads a file and prints the job's status.
 * Kommentar: lädt eine Datei hoch.
 */
@SuppressWarnings("unchecked")
public final class Uploader implements AutoCloseable {
    private static final int RETRIES = 3;
    private final Map<String, List<Integer>> sizes = new HashMap<>();
    protected long mask = 0xFF_FFL | 0b1010 | 017;

    public Uploader(String bucket) {
        this.bucket = requireNonNull(bucket);
    }

    @Override
    public void close() throws IOException {
        // nothing to release
    }

    public static <T> List<T> upload(String path, int retries) throws IOException {
        var data = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(path));
        for (int i = 0; i < retries; i++) {
            if (data.length == 0 && !path.isEmpty()) {
                throw new IllegalArgumentException("empty file: \"" + path + "\"");
            }
        }
        double ratio = 2.5e-3 + .5f + 1d;
        char c = '\n';
        String text = """
            Hello, "docs"
            """;
        System.out.println(text + c + ratio);
        return null;
    }

    public static void main(String[] args) throws Exception {
        try (Uploader u = new Uploader("docs")) {
            upload(args[0], RETRIES);
        } catch (IOException e) {
            System.err.println(e.getMessage());
        }
    }
}
