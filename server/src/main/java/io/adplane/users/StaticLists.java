package io.adplane.users;

import java.util.List;

/** IQM's User API static lists, with IQM's names, ids and labels (U10). */
public final class StaticLists {

    /** A row of a static list. */
    public record Item(String name, int id, String label, int order) {
    }

    /** A sortable field. */
    public record SortField(String name, String label, int order) {
    }

    /** An advertiser vertical. */
    public record Vertical(String name, int id, String label, int order, String description) {
    }

    /** The customer payment types, in IQM's counted shape. */
    public record PaymentTypes(int totalRecords, int filteredRecords, List<Item> customerPaymentTypes) {
    }

    /** The customer account types, in IQM's counted shape. */
    public record AccountTypes(int totalRecords, int filteredRecords, List<Item> customerAccountTypes) {
    }

    public static final List<Vertical> VERTICALS = List.of(
            new Vertical("political", 1, "Political", 1, "This caters to advertisers from the political domain "
                    + "targeting users for for issue advocacy, persuasion, event promotion, fundraising and other type "
                    + "of campaigns"),
            new Vertical("healthcare", 2, "Healthcare", 2, "This caters to advertisers from domains such as "
                    + "pharmaceutical and medical equipment manufacturers targeting healthcare professionals."),
            new Vertical("specialty", 17, "Specialty", 11, "This caters to advertisers from niche domains such as "
                    + "automobiles, finance, retail, travel, B2B and others."));

    public static final List<Item> USER_STATUSES = List.of(new Item("active", 1, "Active", 1),
            new Item("pending", 2, "Pending", 2), new Item("invited", 3, "Invited", 3),
            new Item("suspended", 4, "Suspended", 4));

    public static final List<SortField> USER_SORTS = List.of(new SortField("displayName", "Display Name", 1),
            new SortField("email", "Email", 2), new SortField("status", "Status", 3));

    public static final List<Item> ORGANIZATION_STATUSES = List.of(new Item("active", 1, "Active", 1),
            new Item("pending", 2, "Pending", 2), new Item("invited", 3, "Invited", 3),
            new Item("suspended", 4, "Suspended", 4), new Item("rejected", 5, "Rejected", 5));

    public static final List<Item> EXPERTIZE = List.of(new Item("programmatic", 1, "Programmatic", 1),
            new Item("direct", 2, "Direct", 2), new Item("managed_services", 3, "Managed Services", 3));

    public static final List<Item> MEDIA_BUDGETS = List.of(new Item("less_than_50k", 1, "Less than $50K", 1),
            new Item("50k_to_100k", 2, "$50K - $100K", 2), new Item("100k_to_500k", 3, "$100K - $500K", 3),
            new Item("more_than_500k", 4, "More than $500K", 4));

    public static final List<Item> INDUSTRIES = List.of(new Item("advertising", 1, "Advertising", 1),
            new Item("technology", 2, "Technology", 2), new Item("retail", 3, "Retail", 3),
            new Item("finance", 4, "Finance", 4));

    public static final List<Item> CUSTOMER_TYPES = List.of(new Item("advertiser", 1, "Advertiser", 1),
            new Item("app_user", 2, "App User", 2));

    public static final List<Item> PAYMENT_TYPES = List.of(new Item("prepaid", 1, "PrePaid", 1),
            new Item("postpaid", 2, "PostPaid", 2));

    public static final List<SortField> CUSTOMER_SORTS = List.of(
            new SortField("organizationName", "Organization Name", 1), new SortField("status", "Status", 2),
            new SortField("createdAt", "Created At", 3));

    public static final List<Item> ACCOUNT_TYPES = List.of(new Item("advertiser", 1, "Advertiser", 1),
            new Item("workspace", 2, "Workspace", 2));

    public static final List<Item> COMPANY_SIZES = List.of(new Item("1_to_10", 1, "1-10", 1),
            new Item("11_to_50", 2, "11-50", 2), new Item("51_to_200", 3, "51-200", 3),
            new Item("201_to_500", 4, "201-500", 4));

    private StaticLists() {
    }
}
