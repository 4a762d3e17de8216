using FashionListing.Web.Components.Listing;
using FashionListing.Web.Data;
using FashionListing.Web.Studies.Analysis;
using Microsoft.EntityFrameworkCore;

namespace FashionListing.Web.Studies;

/// <summary>
/// A participant's session, reached by the token of their link only. Every time it records (task opened,
/// started, submitted or skipped) comes from this server's clock, never from the browser.
/// </summary>
public sealed partial class StudySessionService(
    IDbContextFactory<ListingDbContext> contextFactory,
    StudyPhotoStore photos,
    TimeProvider timeProvider,
    ILogger<StudySessionService> logger)
{
    /// <summary>The participant's session, or null when the token belongs to nobody.</summary>
    public async Task<ParticipantSession?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (!StudyTokens.LooksValid(token))
        {
            return null;
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        StudyParticipant? participant = await context.StudyParticipants.AsNoTracking()
            .Include(p => p.Tasks.OrderBy(t => t.Position))
            .SingleOrDefaultAsync(p => p.Token == token, cancellationToken);
        if (participant is null)
        {
            return null;
        }

        Study study = await context.Studies.AsNoTracking()
            .SingleAsync(s => s.Id == participant.StudyId, cancellationToken);

        return new ParticipantSession(study, participant);
    }

    /// <summary>Records when the task's page was first shown to the participant.</summary>
    public Task<SessionStep> OpenTaskAsync(string token, int position, CancellationToken cancellationToken) =>
        ChangeTaskAsync(token, position, (task, now) =>
        {
            task.OpenedUtc ??= now;
            return SessionStep.Done;
        }, null, cancellationToken);

    /// <summary>
    /// Starts the task's clock when the participant presses "Start" (a second press keeps the first time); the
    /// task before it must have ended.
    /// </summary>
    public Task<SessionStep> StartTaskAsync(string token, int position, CancellationToken cancellationToken) =>
        ChangeTaskAsync(token, position, (task, now) =>
        {
            task.OpenedUtc ??= now;
            task.StartedUtc ??= now;
            return SessionStep.Done;
        }, null, cancellationToken);

    /// <summary>Flow B: keeps what the model suggested for the task's photo.</summary>
    public Task<SessionStep> SaveSuggestionAsync(
        string token,
        int position,
        SuggestionSnapshot suggestion,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suggestion);

        return ChangeTaskAsync(token, position, (task, _) =>
        {
            task.SuggestionJson = suggestion.ToJson();
            return SessionStep.Done;
        }, null, cancellationToken);
    }

    /// <summary>
    /// Keeps a started task's card as the participant left it (<see cref="StudyTask.KeptCardJson"/>); a task that
    /// has not started, or has ended, keeps nothing.
    /// </summary>
    public Task<SessionStep> KeepCardAsync(
        string token,
        int position,
        KeptStudyCard kept,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kept);

        return ChangeTaskAsync(token, position, (task, _) =>
        {
            if (task.StartedUtc is null)
            {
                return SessionStep.NotStarted;
            }

            task.KeptCardJson = kept.ToJson();
            return SessionStep.Done;
        }, null, cancellationToken);
    }

    /// <summary>
    /// Ends a started task with the submitted card (valid, as the card checked): stores it as a study listing,
    /// apart from the drafts, with the edits per field and, for flow B, the suggestions kept.
    /// </summary>
    public async Task<SessionStep> SubmitTaskAsync(
        string token,
        int position,
        ListingFormModel card,
        IReadOnlyDictionary<string, int> fieldEdits,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(fieldEdits);

        StudyListing? listing = null;
        SessionStep step = await ChangeTaskAsync(token, position, (task, now) =>
        {
            if (task.StartedUtc is null)
            {
                return SessionStep.NotStarted;
            }

            ListingDraft draft = card.ToDraft(Guid.Empty, ListingMode.Manual, null, null);
            listing = new StudyListing
            {
                Id = Guid.NewGuid(),
                TaskId = task.Id,
                SubmittedUtc = now,
                Title = draft.Title,
                Category = draft.Category,
                Colour = draft.Colour,
                Attributes = draft.Attributes,
                Description = draft.Description,
                Size = draft.Size,
                Brand = draft.Brand,
                Condition = draft.Condition,
                Price = draft.Price,
            };
            task.EndedUtc = now;
            task.Outcome = StudyTaskOutcome.Completed;
            task.KeptCardJson = null;
            task.FieldEdits = new Dictionary<string, int>(fieldEdits);
            GarmentSnapshot? garment = SelectedGarment(task.SuggestionJson);
            task.KeptSuggestions = task.Flow == StudyFlow.B && garment is not null
                ? [.. SuggestedCard.Kept(garment, listing)]
                : [];
            return SessionStep.Done;
        }, (context, _) =>
        {
            if (listing is not null)
            {
                context.StudyListings.Add(listing);
            }
        }, cancellationToken);
        if (step == SessionStep.Done)
        {
            Log.TaskEnded(logger, position, StudyTaskOutcome.Completed);
        }

        return step;
    }

    /// <summary>Ends the task as skipped (started or not); the edits so far are kept.</summary>
    public async Task<SessionStep> SkipTaskAsync(
        string token,
        int position,
        IReadOnlyDictionary<string, int> fieldEdits,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fieldEdits);

        SessionStep step = await ChangeTaskAsync(token, position, (task, now) =>
        {
            task.OpenedUtc ??= now;
            task.EndedUtc = now;
            task.Outcome = StudyTaskOutcome.Skipped;
            task.KeptCardJson = null;
            task.FieldEdits = new Dictionary<string, int>(fieldEdits);
            return SessionStep.Done;
        }, null, cancellationToken);
        if (step == SessionStep.Done)
        {
            Log.TaskEnded(logger, position, StudyTaskOutcome.Skipped);
        }

        return step;
    }

    /// <summary>
    /// Stores the questionnaire once both tasks have ended: the preference (1 strongly A … 5 strongly B) and,
    /// when the study asks them, the ten SUS answers (1 to 5) about each flow.
    /// </summary>
    public async Task<SessionStep> AnswerAsync(
        string token,
        int preference,
        IReadOnlyList<int>? susA,
        IReadOnlyList<int>? susB,
        CancellationToken cancellationToken)
    {
        if (preference is < 1 or > 5)
        {
            return SessionStep.InvalidAnswer;
        }

        if (!StudyTokens.LooksValid(token))
        {
            return SessionStep.UnknownToken;
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        StudyParticipant? participant = await context.StudyParticipants.Include(p => p.Tasks)
            .SingleOrDefaultAsync(p => p.Token == token, cancellationToken);
        if (participant is null)
        {
            return SessionStep.UnknownToken;
        }

        Study study = await context.Studies.SingleAsync(s => s.Id == participant.StudyId, cancellationToken);
        if (study.State != StudyState.Open)
        {
            return SessionStep.StudyNotOpen;
        }

        if (participant.Tasks.Any(t => t.EndedUtc is null))
        {
            return SessionStep.OutOfOrder;
        }

        if (participant.QuestionnaireUtc is not null)
        {
            return SessionStep.AlreadyEnded;
        }

        if (study.AskSus && (!IsSus(susA) || !IsSus(susB)))
        {
            return SessionStep.InvalidAnswer;
        }

        participant.Preference = preference;
        participant.SusA = study.AskSus ? [.. susA!] : null;
        participant.SusB = study.AskSus ? [.. susB!] : null;
        participant.QuestionnaireUtc = Now;
        await context.SaveChangesAsync(cancellationToken);
        Log.QuestionnaireAnswered(logger, study.Id);

        return SessionStep.Done;
    }

    /// <summary>The photo of the participant's task at <paramref name="position"/>, or null.</summary>
    public async Task<Stream?> OpenPhotoAsync(string token, int position, CancellationToken cancellationToken)
    {
        Guid? photoId = (await FindAsync(token, cancellationToken)) is { } session
            ? await PhotoIdAsync(session, position, cancellationToken)
            : null;

        return photoId is Guid id ? photos.OpenRead(id) : null;
    }

    /// <summary>The bytes of the participant's photo for the task (flow B analyses them), or null.</summary>
    public async Task<byte[]?> ReadPhotoAsync(
        ParticipantSession session,
        int position,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);

        Guid? photoId = await PhotoIdAsync(session, position, cancellationToken);

        return photoId is Guid id ? await photos.ReadAllAsync(id, cancellationToken) : null;
    }

    // Task 1 lists the photo in position 1 and task 2 the one in position 2; with a single photo both do.
    private async Task<Guid?> PhotoIdAsync(
        ParticipantSession session,
        int position,
        CancellationToken cancellationToken)
    {
        if (position is < 1 or > 2 || session.StudyState == StudyState.Draft)
        {
            return null;
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        List<StudyPhoto> studyPhotos = await context.StudyPhotos.AsNoTracking()
            .Where(p => p.StudyId == session.StudyId)
            .OrderBy(p => p.Position)
            .ToListAsync(cancellationToken);

        return studyPhotos.Count switch
        {
            0 => null,
            1 => studyPhotos[0].Id,
            _ => studyPhotos.Single(p => p.Position == position).Id,
        };
    }

    private async Task<SessionStep> ChangeTaskAsync(
        string token,
        int position,
        Func<StudyTask, DateTime, SessionStep> change,
        Action<ListingDbContext, StudyTask>? alsoSave,
        CancellationToken cancellationToken)
    {
        if (!StudyTokens.LooksValid(token))
        {
            return SessionStep.UnknownToken;
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        StudyParticipant? participant = await context.StudyParticipants.Include(p => p.Tasks)
            .SingleOrDefaultAsync(p => p.Token == token, cancellationToken);
        if (participant is null)
        {
            return SessionStep.UnknownToken;
        }

        StudyState state = await context.Studies.Where(s => s.Id == participant.StudyId)
            .Select(s => s.State)
            .SingleAsync(cancellationToken);
        if (state != StudyState.Open)
        {
            return SessionStep.StudyNotOpen;
        }

        StudyTask? task = participant.Tasks.SingleOrDefault(t => t.Position == position);
        if (task is null || participant.Tasks.Any(t => t.Position < position && t.EndedUtc is null))
        {
            return SessionStep.OutOfOrder;
        }

        if (task.EndedUtc is not null)
        {
            return SessionStep.AlreadyEnded;
        }

        SessionStep step = change(task, Now);
        if (step != SessionStep.Done)
        {
            return step;
        }

        alsoSave?.Invoke(context, task);
        await context.SaveChangesAsync(cancellationToken);

        return SessionStep.Done;
    }

    private static GarmentSnapshot? SelectedGarment(string? suggestionJson) =>
        SuggestionSnapshot.FromJson(suggestionJson) is { Garments.Count: > 0 } snapshot
            ? snapshot.Garments[Math.Clamp(snapshot.SelectedGarment, 0, snapshot.Garments.Count - 1)]
            : null;

    private static bool IsSus(IReadOnlyList<int>? answers) =>
        answers is { Count: 10 } && answers.All(a => a is >= 1 and <= 5);

    private DateTime Now => timeProvider.GetUtcNow().UtcDateTime;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Study task {Position} ended: {Outcome}")]
        public static partial void TaskEnded(ILogger logger, int position, StudyTaskOutcome outcome);

        [LoggerMessage(2, LogLevel.Information, "Study {StudyId}: a participant answered the questionnaire")]
        public static partial void QuestionnaireAnswered(ILogger logger, Guid studyId);
    }
}

/// <summary>What happened to a participant's step.</summary>
public enum SessionStep
{
    Done,

    /// <summary>The token belongs to no participant.</summary>
    UnknownToken,

    /// <summary>The study is still a draft, or closed.</summary>
    StudyNotOpen,

    /// <summary>An earlier step has not ended yet.</summary>
    OutOfOrder,

    /// <summary>The task (or the questionnaire) has already ended; it cannot be done again.</summary>
    AlreadyEnded,

    /// <summary>A card can be submitted only after the task was started.</summary>
    NotStarted,

    /// <summary>An answer is outside 1 to 5, or a SUS list does not hold ten answers.</summary>
    InvalidAnswer,
}

/// <summary>A participant's view of their study and their own tasks.</summary>
public sealed class ParticipantSession(Study study, StudyParticipant participant)
{
    public Guid StudyId => study.Id;

    public string StudyName => study.Name;

    public StudyState StudyState => study.State;

    public bool AskSus => study.AskSus;

    public string Code => participant.Code;

    public TaskOrder Order => participant.Order;

    public IReadOnlyList<StudyTask> Tasks => participant.Tasks;

    public bool Answered => participant.QuestionnaireUtc is not null;

    /// <summary>The first task that has not ended, or null when both have.</summary>
    public StudyTask? CurrentTask => participant.Tasks.OrderBy(t => t.Position).FirstOrDefault(t => t.EndedUtc is null);

    public string InstructionsFor(StudyFlow flow) => flow == StudyFlow.A ? study.InstructionsA : study.InstructionsB;
}
