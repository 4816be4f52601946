package io.adplane.insertionorder;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;

/** The body of {@code POST /api/v3/cmp/io/basic/list} (iqm-reference §3.6); every field optional. */
public record IoListRequest(
        List<Long> owIdList,
        List<Long> ioIdList,
        List<Integer> ioBudgetTypeIdsList,
        List<Integer> ioStatusIdsList,
        List<Long> ids,
        @JsonAlias("isAllOwIds") Boolean isAllOWIds,
        Integer pageNo,
        Integer noOfEntries,
        Integer offset,
        String searchField,
        String sortBy) {
}
