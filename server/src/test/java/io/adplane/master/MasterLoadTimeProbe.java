package io.adplane.master;

import java.util.List;
import java.util.Map;

class MasterLoadTimeProbe {
    public static void main(String[] args) {
        for (int k = 0; k < 3; k++) { long t0 = System.nanoTime(); new MasterData(); System.out.println("all " + (System.nanoTime() - t0) / 1000000); }
        for (String f : List.of("zip-codes.tsv.gz", "cities.tsv.gz", "house-districts.tsv", "counties.tsv")) {
            long t = System.nanoTime();
            List<Map<String, String>> rows = MasterFile.read(f);
            long read = System.nanoTime();
            List<SegmentRow> r = rows.stream().map(c -> new SegmentRow(Long.parseLong(c.get("id")), c.get("name"), Long.parseLong(c.getOrDefault("parentId", "0").isEmpty() ? "0" : c.getOrDefault("parentId", "0")), c)).toList();
            long mapped = System.nanoTime();
            new SegmentList(MasterList.CITIES, r);
            long built = System.nanoTime();
            System.out.printf("%s read %d map %d build %d%n", f, (read - t) / 1000000, (mapped - read) / 1000000, (built - mapped) / 1000000);
        }
    }
}
