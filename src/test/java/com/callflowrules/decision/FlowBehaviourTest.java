package com.callflowrules.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.facts.AccessCodeEntered;
import com.callflowrules.facts.Action;
import com.callflowrules.facts.CallArrived;
import com.callflowrules.facts.Did;
import com.callflowrules.facts.MediaStep;
import com.callflowrules.facts.Placement;
import com.callflowrules.facts.Reason;
import com.callflowrules.facts.Role;
import com.callflowrules.facts.RoomToCreate;
import com.callflowrules.support.Hierarchy;
import com.callflowrules.support.ShippedRules;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The four flow behaviours and the two shipped variants, domain.md sections 2 and 6. */
class FlowBehaviourTest {

    private final DecisionEngine engine = ShippedRules.engine();

    private Decision arrive(Hierarchy hierarchy) {
        return engine.decide(new CallArrived(Hierarchy.NUMBER, "15550009999"), hierarchy.facts());
    }

    private Decision enter(Hierarchy hierarchy, String code, int attemptsUsed) {
        return engine.decide(new AccessCodeEntered(code, attemptsUsed), hierarchy.factsForCode(code));
    }

    @Nested
    class Secured {

        private final Hierarchy hierarchy = Hierarchy.account("secured")
                .withRoom("room-h", true, Map.of(), "1111", Role.HOST, "2222", Role.PARTICIPANT, "3333", Role.LISTENER);

        @Test
        void promptsForAnAccessCodeWithTheWelcomePromptAndEveryTryLeft() {
            Decision decision = arrive(
                    hierarchy.withDidProperties(Map.of("did_welcomeprompt", "acme_hello", "did_language", "es_ES")));

            assertThat(decision.action()).isEqualTo(Action.PROMPT_ACCESS_CODE);
            assertThat(decision.attemptsLeft()).isEqualTo(3);
            assertThat(decision.media())
                    .containsExactly(MediaStep.play("acme_hello", "es_ES"), MediaStep.collectDigits(5));
            assertThat(decision.role()).isNull();
            assertThat(decision.startMeeting()).isFalse();
        }

        @ParameterizedTest(name = "code {0}")
        @ValueSource(strings = {"1111", "2222", "3333"})
        void aKnownCodeJoinsTheRoomThatOwnsItWithTheCodesRole(String code) {
            Decision decision = enter(hierarchy, code, 0);

            assertThat(decision.action()).isEqualTo(Action.JOIN);
            assertThat(decision.meetingRoomSid()).isEqualTo("room-h");
            assertThat(decision.role()).isEqualTo(hierarchy.room("room-h").roleOf(code));
            assertThat(decision.createRoom()).isNull();
        }

        @Test
        void wrongCodesCountDownThenDisconnectAfterTheLastTry() {
            Decision first = enter(hierarchy, "9999", 0);
            Decision second = enter(hierarchy, "", 1);
            Decision third = enter(hierarchy, "9999", 2);

            assertThat(first.action()).isEqualTo(Action.REPROMPT_ACCESS_CODE);
            assertThat(first.attemptsLeft()).isEqualTo(2);
            assertThat(first.media())
                    .containsExactly(MediaStep.play("accesscode_invalid", "en_US"), MediaStep.collectDigits(5));
            assertThat(second.action())
                    .as("an empty entry counts as an attempt")
                    .isEqualTo(Action.REPROMPT_ACCESS_CODE);
            assertThat(second.attemptsLeft()).isEqualTo(1);
            assertThat(third.action()).isEqualTo(Action.DISCONNECT);
            assertThat(third.reason()).isEqualTo(Reason.TOO_MANY_ATTEMPTS);
            assertThat(third.attemptsLeft()).isZero();
            assertThat(third.createRoom()).isNull();
        }

        @Test
        void maxAttemptsIsAProperty() {
            Decision decision = enter(hierarchy.withDidProperties(Map.of("accesscode_max_attempts", "1")), "9999", 0);

            assertThat(decision.action()).isEqualTo(Action.DISCONNECT);
            assertThat(decision.reason()).isEqualTo(Reason.TOO_MANY_ATTEMPTS);
        }

        @Test
        void lookupPrefersTheRoomOfTheDialedGroupOverAnAccountWideRoom() {
            Hierarchy twoScopes = Hierarchy.account("secured")
                    .withRoom("account-room", false, Map.of(), "4444", Role.LISTENER)
                    .withRoom("group-room", true, Map.of(), "4444", Role.HOST);

            Decision decision = enter(twoScopes, "4444", 0);

            assertThat(decision.meetingRoomSid()).isEqualTo("group-room");
            assertThat(decision.role()).isEqualTo(Role.HOST);
        }

        @Test
        void lookupFallsBackToAnAccountWideRoom() {
            Decision decision = enter(
                    Hierarchy.account("secured").withRoom("account-room", false, Map.of(), "4444", Role.LISTENER),
                    "4444",
                    0);

            assertThat(decision.meetingRoomSid()).isEqualTo("account-room");
            assertThat(decision.role()).isEqualTo(Role.LISTENER);
        }

        @Test
        void aRoomOfAnotherDidGroupDoesNotOwnTheCode() {
            Hierarchy hierarchy = Hierarchy.account("secured");
            var otherGroupRoom = new com.callflowrules.facts.MeetingRoom(
                    "other",
                    Hierarchy.ACCOUNT,
                    "other",
                    "grp-2",
                    java.util.List.of(new com.callflowrules.facts.AccessCode("5555", Role.HOST)),
                    Map.of(),
                    false,
                    Hierarchy.CREATED);

            Decision decision = engine.decide(
                    new AccessCodeEntered("5555", 0),
                    hierarchy.facts().withRoomsWithCode(java.util.List.of(otherGroupRoom)));

            assertThat(decision.action()).isEqualTo(Action.REPROMPT_ACCESS_CODE);
        }
    }

    @Nested
    class Open {

        private final Hierarchy hierarchy =
                Hierarchy.account("open").withRoom("room-1", true, Map.of(), "1111", Role.HOST);

        @Test
        void promptsForAnAccessCode() {
            assertThat(arrive(hierarchy).action()).isEqualTo(Action.PROMPT_ACCESS_CODE);
        }

        @Test
        void aKnownCodeJoinsItsRoom() {
            Decision decision = enter(hierarchy, "1111", 0);

            assertThat(decision.action()).isEqualTo(Action.JOIN);
            assertThat(decision.meetingRoomSid()).isEqualTo("room-1");
            assertThat(decision.role()).isEqualTo(Role.HOST);
            assertThat(decision.createRoom()).isNull();
        }

        @Test
        void aNewCodeCreatesARoomScopedLikeTheDidAndJoinsItAsParticipant() {
            Decision decision = enter(hierarchy, "424242", 0);

            assertThat(decision.createRoom())
                    .isEqualTo(new RoomToCreate(Hierarchy.ACCOUNT, Hierarchy.GROUP, "424242", Role.PARTICIPANT));
            assertThat(decision.action()).isEqualTo(Action.JOIN);
            assertThat(decision.role()).isEqualTo(Role.PARTICIPANT);
            assertThat(decision.meetingRoomSid())
                    .as("the room is created by the caller of the engine")
                    .isNull();
            assertThat(decision.startMeeting()).isTrue();
        }

        @Test
        void aNewCodeOnADidWithoutGroupCreatesAnAccountWideRoom() {
            Decision decision = enter(Hierarchy.account("open").withoutGroup(), "77", 0);

            assertThat(decision.createRoom())
                    .isEqualTo(new RoomToCreate(Hierarchy.ACCOUNT, null, "77", Role.PARTICIPANT));
        }

        @ParameterizedTest(name = "entry ''{0}''")
        @ValueSource(strings = {"", "12ab", "12345678901234567"})
        void anEntryThatIsNotACodeIsRefusedAndCreatesNothing(String entry) {
            Decision decision = enter(hierarchy, entry, 0);

            assertThat(decision.action()).isEqualTo(Action.REPROMPT_ACCESS_CODE);
            assertThat(decision.attemptsLeft()).isEqualTo(2);
            assertThat(decision.createRoom()).isNull();
        }
    }

    @Nested
    class Direct {

        @Test
        void directHostJoinsAtOnceAsHostInTheNumbersImplicitRoom() {
            Decision decision = arrive(Hierarchy.account("direct_host"));

            assertThat(decision.action()).isEqualTo(Action.JOIN);
            assertThat(decision.role()).isEqualTo(Role.HOST);
            assertThat(decision.meetingRoomSid()).isEqualTo(Placement.implicitRoomSid(Hierarchy.DID));
            assertThat(decision.attemptsLeft()).isNull();
            assertThat(decision.media()).doesNotContain(MediaStep.collectDigits(5));
        }

        @Test
        void directParticipantJoinsAtOnceAsParticipant() {
            Decision decision = arrive(Hierarchy.account("direct_participant"));

            assertThat(decision.action()).isEqualTo(Action.JOIN);
            assertThat(decision.role()).isEqualTo(Role.PARTICIPANT);
        }

        @Test
        void everyCallerOfOneNumberSharesOneRoomAndOtherNumbersHaveTheirOwn() {
            Hierarchy hierarchy = Hierarchy.account("direct_participant");
            Hierarchy otherNumber = new Hierarchy(
                    hierarchy.account(),
                    hierarchy.group(),
                    new Did(
                            "did-2",
                            Hierarchy.ACCOUNT,
                            "15550002000",
                            Hierarchy.GROUP,
                            null,
                            Map.of(),
                            Hierarchy.CREATED),
                    hierarchy.rooms());

            String first = arrive(hierarchy).meetingRoomSid();
            String second = engine.decide(new CallArrived(Hierarchy.NUMBER, "15550007777"), hierarchy.facts())
                    .meetingRoomSid();
            String other = arrive(otherNumber).meetingRoomSid();

            assertThat(first).isEqualTo(second).isNotEqualTo(other);
        }

        @Test
        void didPropertiesTuneTheImplicitRoom() {
            Decision decision = arrive(
                    Hierarchy.account("direct_participant").withDidProperties(Map.of("conference_mute_policy", "p")));

            assertThat(decision.muted()).isTrue();
        }
    }

    @Nested
    class Variants {

        @Test
        void securedWebinarMutesEverybodyButHostsOnEntry() {
            Hierarchy hierarchy = Hierarchy.account("secured_webinar")
                    .withRoom("webinar", true, Map.of(), "1", Role.HOST, "2", Role.PARTICIPANT, "3", Role.LISTENER);

            assertThat(enter(hierarchy, "1", 0).muted()).isFalse();
            assertThat(enter(hierarchy, "2", 0).muted()).isTrue();
            assertThat(enter(hierarchy, "3", 0).muted()).isTrue();
            assertThat(enter(hierarchy, "9", 0).action()).as("still secured").isEqualTo(Action.REPROMPT_ACCESS_CODE);
        }

        @Test
        void openFirstHostMakesTheCreatorOfARoomItsHostAndLaterCallersParticipants() {
            Hierarchy hierarchy = Hierarchy.account("open_first_host");

            Decision creator = enter(hierarchy, "8080", 0);
            // The store has created the room as the decision asked: one code, role participant.
            RoomToCreate created = creator.createRoom();
            Hierarchy afterCreation = hierarchy.withRoom(
                    "adhoc-1", created.didGroupSid() != null, Map.of(), created.accessCode(), created.codeRole());
            Decision later = enter(afterCreation, "8080", 0);

            assertThat(creator.role()).isEqualTo(Role.HOST);
            assertThat(creator.action()).isEqualTo(Action.JOIN);
            assertThat(created)
                    .isEqualTo(new RoomToCreate(Hierarchy.ACCOUNT, Hierarchy.GROUP, "8080", Role.PARTICIPANT));
            assertThat(later.role()).isEqualTo(Role.PARTICIPANT);
            assertThat(later.meetingRoomSid()).isEqualTo("adhoc-1");
            assertThat(later.createRoom()).isNull();
        }

        @Test
        void plainOpenMakesTheCreatorAParticipant() {
            assertThat(enter(Hierarchy.account("open"), "8080", 0).role()).isEqualTo(Role.PARTICIPANT);
        }
    }
}
