package dev.verifier.resource.api;

import java.time.Instant;
import java.util.List;

import dev.verifier.shared.error.OAuthError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The caller's own notes: reading needs scope {@value #READ}, writing {@value #WRITE} (403 insufficient_scope
 * otherwise). Owned by the token's subject.
 */
@Controller("/api/notes")
@ExecuteOn(TaskExecutors.BLOCKING)
class NotesController {

    static final String READ = "notes.read";
    static final String WRITE = "notes.write";
    static final int MAX_LENGTH = 4000;

    @Serdeable
    record NewNote(@Nullable String text) {
    }

    @Serdeable
    record NoteView(long id, String text, Instant createdAt) {
        static NoteView of(Note note) {
            return new NoteView(note.id(), note.body(), note.createdAt());
        }
    }

    private final NoteRepository notes;

    NotesController(NoteRepository notes) {
        this.notes = notes;
    }

    @Get
    @Secured(READ)
    List<NoteView> list(Authentication authentication) {
        return notes.findByOwner(authentication.getName()).stream().map(NoteView::of).toList();
    }

    @Post
    @Secured(WRITE)
    HttpResponse<NoteView> add(Authentication authentication, @Body NewNote note) {
        if (note.text() == null || note.text().isBlank()) {
            throw OAuthError.INVALID_REQUEST.exception("text is required");
        }
        if (note.text().length() > MAX_LENGTH) {
            throw OAuthError.INVALID_REQUEST.exception("text is longer than " + MAX_LENGTH + " characters");
        }
        Note saved = notes.save(new Note(null, authentication.getName(), note.text(), Instant.now()));
        return HttpResponse.created(NoteView.of(saved));
    }
}
