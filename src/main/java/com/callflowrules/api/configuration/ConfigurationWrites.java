package com.callflowrules.api.configuration;

import com.callflowrules.api.EntityTags;
import com.callflowrules.api.NotFoundException;
import com.callflowrules.api.requests.RequestBinder;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The PATCH and PUT of a configuration object, the same for every kind: read the stored object
 * under its row lock (so concurrent writes of one object serialize and none answered 200 is
 * lost), refuse an {@code If-Match} that no longer holds (412), bind the body onto it and write
 * it back in the same transaction.
 */
@Component
class ConfigurationWrites {

    /**
     * One kind of object as the writes need it.
     *
     * @param noun how a missing one is named ({@code no DID 1234})
     * @param fields the request record of its bodies
     * @param fieldsOf the writable fields of a stored object, the target of a merge patch
     * @param updated the stored object with written fields; what the API does not write stays
     * @param findForUpdate the stored object, row-locked
     * @param update writes it back; false when it is gone
     */
    record Kind<E, F extends Record>(
            String noun,
            Class<F> fields,
            Function<E, F> fieldsOf,
            BiFunction<E, F, E> updated,
            Function<String, Optional<E>> findForUpdate,
            Predicate<E> update) {}

    private final RequestBinder binder;
    private final TransactionTemplate transactions;
    private final EntityTags tags;

    ConfigurationWrites(RequestBinder binder, TransactionTemplate transactions, EntityTags tags) {
        this.binder = binder;
        this.transactions = transactions;
        this.tags = tags;
    }

    /** A merge patch of the stored object. */
    <E, F extends Record> E patch(Kind<E, F> kind, String sid, JsonNode patch) {
        return write(kind, sid, current -> binder.patch(kind.fieldsOf().apply(current), patch, kind.fields()));
    }

    /** The body replaces every writable field. */
    <E, F extends Record> E replace(Kind<E, F> kind, String sid, JsonNode body) {
        return write(kind, sid, current -> binder.replace(body, kind.fields()));
    }

    private <E, F extends Record> E write(Kind<E, F> kind, String sid, Function<E, F> bind) {
        return transactions.execute(status -> {
            E current = kind.findForUpdate()
                    .apply(sid)
                    .orElseThrow(() -> new NotFoundException("no " + kind.noun() + " " + sid));
            tags.requireMatch(current);
            E changed = kind.updated().apply(current, bind.apply(current));
            if (!kind.update().test(changed)) {
                throw new NotFoundException("no " + kind.noun() + " " + sid);
            }
            return changed;
        });
    }

    /**
     * Deletes the stored object, under its row lock, if an {@code If-Match} still holds (412
     * otherwise, nothing deleted); 404 when there is none.
     */
    <E, F extends Record> void delete(Kind<E, F> kind, String sid, Predicate<String> delete) {
        transactions.executeWithoutResult(status -> {
            E current = kind.findForUpdate()
                    .apply(sid)
                    .orElseThrow(() -> new NotFoundException("no " + kind.noun() + " " + sid));
            tags.requireMatch(current);
            if (!delete.test(sid)) {
                throw new NotFoundException("no " + kind.noun() + " " + sid);
            }
        });
    }
}
