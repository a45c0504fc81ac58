package vn.reviewcascade.notification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import vn.reviewcascade.notification.MailRecipients.Person;

/**
 * Who gets which mail of a burst: each person exactly one, listing every item of the burst that reaches them. The
 * people whose lists are the same share one mail (a unit's three drafters get one mail addressed to the three, as
 * before bursts); a person reached by several units (a reviewer of a district, the organising board) gets one mail
 * listing them all, never one per unit.
 *
 * @param <T> an item of the burst: a task to be reminded of, a unit that missed its deadline
 */
final class MailAudiences<T> {

    /**
     * The people one mail goes to, ordered by id, and what it lists, in the burst's order.
     *
     * @param groups   the groups through which the items reach these people, as the mail addresses them
     * @param assigned whether an item reaches them as the person who took the task (then it is one person)
     */
    record Audience<T>(List<T> items, List<Person> persons, List<String> groups, boolean assigned) {

        /** The first person's id: unique in its burst, since each person is in one audience of it. */
        String firstPersonId() {
            return persons.get(0).id();
        }
    }

    /** What reaches no one, with the reasons for the sent log (a group without members, an unknown user). */
    record Unreached<T>(T item, List<String> reasons) {
    }

    private final List<Audience<T>> audiences;
    private final List<Unreached<T>> unreached;

    private MailAudiences(List<Audience<T>> audiences, List<Unreached<T>> unreached) {
        this.audiences = audiences;
        this.unreached = unreached;
    }

    List<Audience<T>> audiences() {
        return audiences;
    }

    List<Unreached<T>> unreached() {
        return unreached;
    }

    /**
     * Groups the burst's items by person.
     *
     * @param assigneeOf the user an item goes to alone (a task someone took), or null: then it goes to its groups
     * @param groupsOf   the groups whose members an item goes to when no one took it
     * @param members    the members of every group {@code groupsOf} names
     * @param assignees  the users {@code assigneeOf} names that the engine knows
     */
    static <T> MailAudiences<T> of(List<T> items, Function<T, String> assigneeOf, Function<T, List<String>> groupsOf,
                                   Map<String, List<Person>> members, Map<String, Person> assignees,
                                   Function<String, String> emptyGroup, Function<String, String> unknownUser) {
        Map<String, Person> persons = new TreeMap<>();
        Map<String, Set<Integer>> itemsOf = new TreeMap<>();
        Map<String, Set<String>> groupsThrough = new LinkedHashMap<>();
        Set<String> assignedTo = new LinkedHashSet<>();
        List<Unreached<T>> unreached = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            String assignee = assigneeOf.apply(item);
            if (assignee != null) {
                Person person = assignees.get(assignee);
                if (person == null) {
                    unreached.add(new Unreached<>(item, List.of(unknownUser.apply(assignee))));
                    continue;
                }
                persons.put(person.id(), person);
                itemsOf.computeIfAbsent(person.id(), id -> new LinkedHashSet<>()).add(i);
                assignedTo.add(person.id());
                continue;
            }
            boolean reached = false;
            List<String> empty = new ArrayList<>();
            for (String group : groupsOf.apply(item)) {
                List<Person> inGroup = members.getOrDefault(group, List.of());
                if (inGroup.isEmpty()) {
                    empty.add(emptyGroup.apply(group));
                }
                for (Person person : inGroup) {
                    reached = true;
                    persons.put(person.id(), person);
                    itemsOf.computeIfAbsent(person.id(), id -> new LinkedHashSet<>()).add(i);
                    groupsThrough.computeIfAbsent(person.id(), id -> new LinkedHashSet<>()).add(group);
                }
            }
            if (!reached) {
                unreached.add(new Unreached<>(item, empty));
            }
        }
        // People with the same items share a mail; the lists are keyed by the items' positions.
        Map<List<Integer>, List<String>> peopleByItems = new LinkedHashMap<>();
        itemsOf.forEach((id, positions) -> peopleByItems.computeIfAbsent(positions.stream().sorted().toList(),
                key -> new ArrayList<>()).add(id));
        List<Audience<T>> audiences = new ArrayList<>();
        peopleByItems.forEach((positions, ids) -> {
            Set<String> groups = new LinkedHashSet<>();
            ids.forEach(id -> groups.addAll(groupsThrough.getOrDefault(id, Set.of())));
            audiences.add(new Audience<>(positions.stream().map(items::get).toList(),
                    ids.stream().map(persons::get).sorted(Comparator.comparing(Person::id)).toList(),
                    orderedAsItems(groups, positions.stream().map(items::get).toList(), groupsOf),
                    ids.stream().anyMatch(assignedTo::contains)));
        });
        return new MailAudiences<>(audiences, unreached);
    }

    /** The groups in the order the items name them (a unit's signers before its parent's reviewers before the board). */
    private static <T> List<String> orderedAsItems(Set<String> groups, List<T> items, Function<T, List<String>> groupsOf) {
        Set<String> ordered = new LinkedHashSet<>();
        for (T item : items) {
            groupsOf.apply(item).stream().filter(groups::contains).forEach(ordered::add);
        }
        return List.copyOf(ordered);
    }
}
