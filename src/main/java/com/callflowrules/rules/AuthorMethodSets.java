package com.callflowrules.rules;

import java.util.Set;

/**
 * Method sets that several types of {@link AuthorMembers} share: the reads of a string, of a
 * boxed number, of a collection, and the collection constructors that take no capacity.
 */
final class AuthorMethodSets {

    static final Set<String> STRING_METHODS = Set.of(
            "length",
            "isEmpty",
            "isBlank",
            "charAt",
            "equals",
            "equalsIgnoreCase",
            "hashCode",
            "toString",
            "compareTo",
            "compareToIgnoreCase",
            "startsWith",
            "endsWith",
            "contains",
            "indexOf",
            "lastIndexOf",
            "substring",
            "toUpperCase",
            "toLowerCase",
            "trim",
            "strip",
            "stripLeading",
            "stripTrailing",
            "concat",
            "valueOf",
            "join",
            // replace(CharSequence, CharSequence) only with a constant replacement (GeneratedMethodCheck)
            "replace",
            "codePointAt");
    static final Set<String> BOX_METHODS = Set.of(
            "<init>",
            "valueOf",
            "parseInt",
            "parseLong",
            "parseBoolean",
            "intValue",
            "longValue",
            "doubleValue",
            "floatValue",
            "shortValue",
            "byteValue",
            "booleanValue",
            "charValue",
            "compare",
            "compareTo",
            "equals",
            "hashCode",
            "toString",
            "max",
            "min",
            "sum",
            "signum",
            "isDigit",
            "MAX_VALUE",
            "MIN_VALUE",
            "TRUE",
            "FALSE",
            "TYPE");
    /** Reads and small writes of collections; nothing that takes a lambda or a capacity. */
    static final Set<String> COLLECTION_METHODS = Set.of(
            "size",
            "isEmpty",
            "contains",
            "containsKey",
            "containsValue",
            "containsAll",
            "get",
            "getOrDefault",
            "keySet",
            "values",
            "entrySet",
            "iterator",
            "hasNext",
            "next",
            "getKey",
            "getValue",
            "equals",
            "hashCode",
            "toString",
            "indexOf",
            "lastIndexOf",
            "add",
            "addAll",
            "put",
            "putAll",
            "putIfAbsent",
            "remove",
            "of",
            "copyOf",
            "subList",
            "first",
            "last",
            "firstKey",
            "lastKey",
            "isPresent",
            "orElse",
            "empty",
            "ofNullable");

    static final Set<String> NEW_COLLECTION =
            Set.of("<init>()V", "<init>(Ljava/util/Collection;)V", "<init>(Ljava/util/Map;)V");

    private AuthorMethodSets() {}
}
