package io.adplane.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How amounts are written in answers. Money is stored as an exact decimal (D7); IQM's samples show IO
 * amounts as plain numbers ({@code "ioTotalBudget": 0}) and campaign amounts as decimals
 * ({@code "budgetTotal": 50000.0}).
 */
public final class Money {

    private Money() {
    }

    /** Whole amounts without decimals, cents kept: 0, 1500, 1500.5. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }

    /** At least one decimal: 50000.0, 1199.08. */
    public static BigDecimal decimal(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 1 ? stripped.setScale(1, RoundingMode.UNNECESSARY) : stripped;
    }
}
