package io.adplane.controls;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

import io.adplane.api.ApiException;
import io.adplane.auth.Caller;
import io.adplane.auth.SessionRevocations;
import io.adplane.delivery.ClockOffset;
import io.adplane.tenancy.TenancyRepository;

/**
 * The emulator controls as the HTTP API offers them, with who may use which (E2): the instance-wide ones (reset,
 * fixtures) belong to the admins of the bootstrap workspace's owner organization; the others act on the caller's
 * own workspace. Exists only when {@code adplane.controls.enabled} is true.
 */
@Service
@ConditionalOnProperty(name = "adplane.controls.enabled", havingValue = "true")
public class Controls {

    private final Reset reset;
    private final TenancyRepository tenancy;
    private final SessionRevocations sessions;
    private final Faults faults;
    private final RequestWorkspace workspaces;
    private final Journal journal;
    private final Fixtures fixtures;

    private final Clock clock;

    Controls(Reset reset, TenancyRepository tenancy, SessionRevocations sessions, Faults faults,
            RequestWorkspace workspaces, Journal journal, Fixtures fixtures, Clock clock) {
        this.clock = clock;
        this.journal = journal;
        this.fixtures = fixtures;
        this.reset = reset;
        this.tenancy = tenancy;
        this.sessions = sessions;
        this.faults = faults;
        this.workspaces = workspaces;
    }

    /** Reset to the bootstrap state (E1), the simulation clock back at real time (E9). */
    public Reset.Kept reset(Caller caller) {
        requireInstanceAdmin(caller);
        Reset.Kept kept = reset.reset();
        if (clock instanceof ClockOffset simulated) {
            simulated.backToRealTime();
        }
        sessions.forgetCached();
        workspaces.forget();
        faults.clearAll();
        journal.clearAll();
        return kept;
    }

    /** Loads a fixture (YAML or JSON text) over the current state, merging by id (E5). */
    public FixtureLoaded loadFixture(Caller caller, String text) {
        requireInstanceAdmin(caller);
        FixtureLoaded loaded = fixtures.load(Fixtures.parse(text), null);
        sessions.forgetCached();
        workspaces.forget();
        return loaded;
    }

    /** The current state as a fixture (E6). */
    public Fixture exportFixture(Caller caller) {
        requireInstanceAdmin(caller);
        return fixtures.export();
    }

    /** The fault rules of the caller's workspace (E3). */
    public FaultRules faults(Caller caller) {
        caller.requireWorkspaceOwnerAdmin();
        return new FaultRules(faults.list(caller.workspaceId()));
    }

    public FaultRule addFault(Caller caller, FaultRequest request) {
        caller.requireWorkspaceOwnerAdmin();
        return faults.add(caller.workspaceId(), request);
    }

    public FaultRules clearFaults(Caller caller) {
        caller.requireWorkspaceOwnerAdmin();
        faults.clear(caller.workspaceId());
        return new FaultRules(java.util.List.of());
    }

    public FaultRules removeFault(Caller caller, int id) {
        caller.requireWorkspaceOwnerAdmin();
        if (!faults.remove(caller.workspaceId(), id)) {
            throw ApiException.notFound("id", "No fault rule with id " + id + ".");
        }
        return new FaultRules(faults.list(caller.workspaceId()));
    }

    /** The caller's workspace's journal, newest first, filtered as {@link Journal#query} says (E4). */
    public JournalPage journal(Caller caller, String path, String method, Integer status, Long since, Integer limit) {
        caller.requireWorkspaceOwnerAdmin();
        return journal.query(caller.workspaceId(), path, method, status, since, limit);
    }

    public JournalPage clearJournal(Caller caller) {
        caller.requireWorkspaceOwnerAdmin();
        journal.clear(caller.workspaceId());
        return new JournalPage(journal.capacity(), java.util.List.of());
    }

    /** Raises 403 unless the caller is an admin of the bootstrap workspace's owner organization. */
    void requireInstanceAdmin(Caller caller) {
        caller.requireWorkspaceOwnerAdmin();
        long first = tenancy.firstWorkspace().map(w -> w.id()).orElse(-1L);
        if (caller.workspaceId() != first) {
            throw ApiException.forbidden("Only admins of the bootstrapped workspace may reset or load fixtures.");
        }
    }
}
