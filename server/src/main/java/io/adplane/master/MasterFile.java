package io.adplane.master;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.springframework.core.io.ClassPathResource;

/**
 * Reads one of the project's master-data files ({@code master/*.tsv}): lines starting with {@code #} are
 * comments, the first other line names the columns, each further line is a row. A name ending in {@code .gz}
 * is read through gzip (the large generated files: ZIP codes, cities).
 */
final class MasterFile {

    private MasterFile() {
    }

    static List<Map<String, String>> read(String name) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8), 1 << 16)) {
            String[] header = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (header == null) {
                    header = cols;
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], i < cols.length ? cols[i].trim() : "");
                }
                rows.add(Collections.unmodifiableMap(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("master data file " + name, e);
        }
        return Collections.unmodifiableList(rows);
    }

    private static InputStream open(String name) throws IOException {
        // Our own class loader: the loading threads (a parallel stream) have no context class loader of the app.
        InputStream in = new ClassPathResource("master/" + name, MasterFile.class.getClassLoader()).getInputStream();
        return name.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
