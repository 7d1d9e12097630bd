package io.alloytop.alloy;

import java.util.function.Function;

/** A value or a {@link Failure}; errors travel as values, never as exceptions across layers. */
public sealed interface Result<T> {
    record Ok<T>(T value) implements Result<T> {}

    record Err<T>(Failure failure) implements Result<T> {}

    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Result<T> err(Failure.Kind kind, String message) {
        return new Err<>(new Failure(kind, message));
    }

    static <T> Result<T> err(Failure failure) {
        return new Err<>(failure);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    default T orNull() {
        return this instanceof Ok<T> ok ? ok.value() : null;
    }

    default Failure failureOrNull() {
        return this instanceof Err<T> e ? e.failure() : null;
    }

    default <U> Result<U> map(Function<T, U> f) {
        if (this instanceof Ok<T> ok) return new Ok<>(f.apply(ok.value()));
        return new Err<>(((Err<T>) this).failure());
    }
}
