package com.brandclosure.payouts.web;

import com.brandclosure.payouts.application.AccountSettings;
import com.brandclosure.payouts.domain.LockingSettings;
import com.brandclosure.payouts.web.Requests.SettingsBody;
import com.brandclosure.payouts.web.Responses.SettingsView;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.kernel.Money;
import com.brandclosure.platform.security.Allow;
import com.brandclosure.platform.security.CurrentActor;
import com.brandclosure.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.DateTimeException;
import java.time.ZoneId;

/** An account's locking settings. Without stored settings the defaults apply ({@code stored: false}). */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/locking-settings")
public class SettingsController {

    private final AccountSettings settings;

    private final CommandContexts contexts;

    public SettingsController(AccountSettings settings, CommandContexts contexts) {
        this.settings = settings;
        this.contexts = contexts;
    }

    @GetMapping
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.OPS, Role.SERVICE})
    public SettingsView get(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId) {
        return settings.get(CurrentActor.get(), AccountId.of(accountId)).map(s -> SettingsView.of(s, true)).orElseGet(() -> {
            var d = LockingSettings.defaults(java.util.Currency.getInstance("XXX"));
            // The currency is decided by the first settings: none yet.
            return new SettingsView(d.lockMonths(), d.lockDays(), d.referencePeriod(), d.paymentSchedulingDays(),
                    d.zone().getId(), null, false);
        });
    }

    @PutMapping
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    public SettingsView put(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                            @Valid @RequestBody SettingsBody b) {
        ZoneId zone;
        try {
            zone = ZoneId.of(b.zone());
        } catch (DateTimeException e) {
            throw new DomainException.BadRequest("zone is not a known time zone id: " + b.zone());
        }
        var s = new LockingSettings(b.lockMonths(), b.lockDays(), b.referencePeriod(), b.paymentSchedulingDays(), zone,
                Money.currency(b.currency()));
        return SettingsView.of(settings.put(CurrentActor.get(), AccountId.of(accountId), s,
                contexts.forActor(CurrentActor.get().name(), null)), true);
    }
}
