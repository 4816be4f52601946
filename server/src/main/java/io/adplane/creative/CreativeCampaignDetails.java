package io.adplane.creative;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import tools.jackson.databind.JsonNode;

/**
 * The answer of {@code GET /api/v3/crt/creatives/{id}/creative-campaign-details}: the creative, who owns it, and
 * the campaigns that name it. Every key of IQM's schema is present; texts IQM types as strings are {@code ""} when
 * unset, and the details of other creative types are {@code null} (F2).
 */
@JsonPropertyOrder({"creativeId", "creativeName", "rtbCreativeTypeId", "platformCreativeTypeId", "externalCreativeId",
        "subMediaType", "creativeStatusId", "creativeSource", "creativeCardSource", "clickUrl", "imageDetails",
        "videoDetails", "audioDetails", "htmlDetails", "html5Details", "nativeDetails", "creativeSourceType",
        "creativeRejectionReason", "creativeRemarks", "creativePreviewFlag", "createdAt", "modifiedAt", "userDetails",
        "organizationDetails", "approvalRequiredPostUrlUpdate", "campaignDetails", "creativePreviewSource"})
public record CreativeCampaignDetails(long creativeId, String creativeName, int rtbCreativeTypeId,
        int platformCreativeTypeId, String externalCreativeId, String subMediaType, int creativeStatusId,
        String creativeSource, String creativeCardSource, String clickUrl, JsonNode imageDetails, JsonNode videoDetails,
        JsonNode audioDetails, JsonNode htmlDetails, JsonNode html5Details, JsonNode nativeDetails,
        String creativeSourceType, String creativeRejectionReason, String creativeRemarks, int creativePreviewFlag,
        long createdAt, String modifiedAt, UserDetails userDetails, OrganizationDetails organizationDetails,
        boolean approvalRequiredPostUrlUpdate, List<CampaignDetail> campaignDetails, String creativePreviewSource) {

    @JsonPropertyOrder({"uowId", "userName", "userEmail", "hasEditAccess", "hasApprovalAccess"})
    public record UserDetails(long uowId, String userName, String userEmail, boolean hasEditAccess,
            boolean hasApprovalAccess) {
    }

    @JsonPropertyOrder({"owId", "organizationName", "organizationLogo"})
    public record OrganizationDetails(long owId, String organizationName, String organizationLogo) {
    }

    /** A campaign naming the creative; {@code isModelled} only when modelling info was asked for. */
    @JsonPropertyOrder({"id", "name", "status", "totalCreativesCount", "isModelled"})
    public record CampaignDetail(long id, String name, String status, int totalCreativesCount,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean isModelled) {
    }
}
