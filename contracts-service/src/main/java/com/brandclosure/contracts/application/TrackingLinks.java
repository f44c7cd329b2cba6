package com.brandclosure.contracts.application;

import com.brandclosure.contracts.domain.AccountState;
import com.brandclosure.contracts.domain.ContractAccount;
import com.brandclosure.contracts.domain.ContractState;
import com.brandclosure.contracts.domain.LinkCommand;
import com.brandclosure.contracts.domain.LinkEvent;
import com.brandclosure.contracts.domain.PartnerContract;
import com.brandclosure.contracts.persistence.ContractView;
import com.brandclosure.contracts.persistence.LinkView;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.security.Actor;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/** Tracking links: created for a live contract by the brand, clicked by anonymous shoppers. */
@Service
public record TrackingLinks(CommandRunner runner, Idempotency idempotency, ContractView contractView, LinkView linkView) {

    /** A link to the contract's landing URL (or {@code landingUrl}); the result is the link's id. */
    public Idempotency.Answer createLink(Actor actor, AccountId account, String contractId, String landingUrl,
                                         Idempotency.Replayable<String> request, CommandContext ctx) {
        actor.requireAccess(account.value());
        String accountId = account.value();
        return idempotency.run(accountId, request, work -> {
            AccountState acc = Streams.account(work, accountId).state();
            ContractAccount.requireKnown(acc);
            ContractAccount.requireOpen(acc, "a new tracking link");
            ContractState contract = PartnerContract.requireIn(accountId, contractId,
                    Streams.contract(work, accountId, contractId).state());
            String url = landingUrl != null ? landingUrl : ((contract instanceof ContractState.Active a)
                    ? a.landingUrl() : ((ContractState.Expired) contract).landingUrl());
            String linkId = ctx.ids().get().toString().replace("-", "");
            Streams.link(work, accountId, linkId).execute(new LinkCommand.CreateLink(linkId, accountId, contractId,
                    url, contract instanceof ContractState.Active, ctx.now()), ctx);
            return linkId;
        });
    }

    /**
     * A click: the landing URL if the link is live (the click is recorded), empty if the contract
     * expired (its expiry instant passed, even if its timer has not run yet) or the account was
     * deactivated — then nothing is recorded. Clicks of one account take its lock in turn, so
     * concurrent clicks on one link are each recorded instead of conflicting.
     */
    public Optional<String> click(String linkId, CommandContext ctx) {
        LinkView.Row link = linkView.find(linkId)
                .orElseThrow(() -> new DomainException.NotFound("tracking link " + linkId + " not found"));
        String accountId = link.accountId();
        return runner.inAccount(accountId, work -> {
            AccountState account = Streams.account(work, accountId).state();
            boolean contractActive = contractView.find(accountId, link.contractId())
                    .map(r -> r.status() != ContractView.Status.EXPIRED
                            && (r.expiresAt() == null || r.expiresAt().isAfter(ctx.now())))
                    .orElse(false);
            var stream = Streams.link(work, accountId, linkId);
            List<LinkEvent> events = stream.execute(new LinkCommand.RecordClick(ctx.ids().get().toString(),
                    contractActive, account.deactivated(), ctx.now()), ctx);
            return events.isEmpty() ? Optional.<String>empty() : Optional.of(stream.state().landingUrl());
        });
    }
}
