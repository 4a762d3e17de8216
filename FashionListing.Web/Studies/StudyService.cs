using System.Globalization;
using FashionListing.Inference.Pipeline;
using FashionListing.Web.Data;
using FashionListing.Web.Studies.Analysis;
using Microsoft.EntityFrameworkCore;

namespace FashionListing.Web.Studies;

/// <summary>
/// What researchers do with studies: create and set them up, open and close them, invite participants, and
/// read what the participants did. The pages allow these to researchers only; the service trusts its callers.
/// </summary>
public sealed partial class StudyService(
    IDbContextFactory<ListingDbContext> contextFactory,
    IListingSuggester suggester,
    StudyPhotoStore photos,
    TimeProvider timeProvider,
    ILogger<StudyService> logger) : IDisposable
{
    // Invitations number participants one after the other (the number decides their order of the flows), so
    // they are made one at a time. This holds within one app process, which is how the app is run.
    private readonly SemaphoreSlim _invitations = new(1, 1);

    public void Dispose() => _invitations.Dispose();

    /// <summary>Creates a study in the Draft state.</summary>
    public async Task<StudyOutcome> CreateAsync(
        StudySettings settings,
        string researcherId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(researcherId);

        IReadOnlyList<string> problems = settings.Problems();
        if (problems.Count > 0)
        {
            return new StudyOutcome.Refused(problems);
        }

        var study = new Study
        {
            Id = Guid.NewGuid(),
            CreatedBy = researcherId,
            CreatedUtc = Now,
            State = StudyState.Draft,
        };
        settings.Normalised().ApplyTo(study);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        context.Studies.Add(study);
        await context.SaveChangesAsync(cancellationToken);
        Log.StudyCreated(logger, study.Id);

        return new StudyOutcome.Done(study.Id);
    }

    /// <summary>Changes the settings; refused once the study has opened, because the rule is then frozen.</summary>
    public async Task<StudyOutcome> UpdateSettingsAsync(
        Guid studyId,
        StudySettings settings,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        Study? study = await context.Studies.SingleOrDefaultAsync(s => s.Id == studyId, cancellationToken);
        if (study is null)
        {
            return NoSuchStudy;
        }

        if (study.State != StudyState.Draft)
        {
            return new StudyOutcome.Refused(
                $"The study is {study.State.ToString().ToLowerInvariant()}, so its settings, the exclusion rule "
                + "included, are frozen: they were declared before the first participant started.");
        }

        IReadOnlyList<string> problems = settings.Problems();
        if (problems.Count > 0)
        {
            return new StudyOutcome.Refused(problems);
        }

        settings.Normalised().ApplyTo(study);
        await context.SaveChangesAsync(cancellationToken);

        return new StudyOutcome.Done(study.Id);
    }

    /// <summary>
    /// Cleans the upload as the listing pages do (upright, scaled, re-encoded without metadata) and stores it as
    /// the study's next photo; a draft study holds at most <see cref="StudyLimits.MaxPhotos"/>.
    /// </summary>
    public async Task<StudyOutcome> AddPhotoAsync(Guid studyId, byte[] upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        Study? study = await context.Studies.Include(s => s.Photos)
            .SingleOrDefaultAsync(s => s.Id == studyId, cancellationToken);
        if (study is null)
        {
            return NoSuchStudy;
        }

        if (study.State != StudyState.Draft)
        {
            return new StudyOutcome.Refused("Photos can only be added while the study is a draft.");
        }

        if (study.Photos.Count >= StudyLimits.MaxPhotos)
        {
            return new StudyOutcome.Refused(
                $"The study has {study.Photos.Count} photos; the limit is {StudyLimits.MaxPhotos} "
                + "(one for each task). Remove one first.");
        }

        SuggestionOutcome cleaned = await suggester.CleanAsync(upload, cancellationToken);
        if (cleaned is PhotoRejected rejected)
        {
            return new StudyOutcome.Refused(rejected.Message);
        }

        var photo = ((PhotoAnalysed)cleaned).Photo;
        var stored = new StudyPhoto
        {
            Id = Guid.NewGuid(),
            StudyId = study.Id,
            Position = study.Photos.Count == 0 ? 1 : 3 - study.Photos[0].Position,
            Width = photo.Width,
            Height = photo.Height,
            StoredUtc = Now,
        };
        await photos.WriteAsync(stored.Id, photo.Jpeg, cancellationToken);
        context.StudyPhotos.Add(stored);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // Without its row the file would belong to nothing.
            photos.Delete(stored.Id);
            throw;
        }

        Log.PhotoAdded(logger, study.Id, stored.Id);

        return new StudyOutcome.Done(study.Id);
    }

    /// <summary>Removes a photo of a draft study.</summary>
    public async Task<StudyOutcome> RemovePhotoAsync(Guid studyId, Guid photoId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        Study? study = await context.Studies.Include(s => s.Photos)
            .SingleOrDefaultAsync(s => s.Id == studyId, cancellationToken);
        StudyPhoto? photo = study?.Photos.SingleOrDefault(p => p.Id == photoId);
        if (study is null || photo is null)
        {
            return NoSuchStudy;
        }

        if (study.State != StudyState.Draft)
        {
            return new StudyOutcome.Refused("Photos can only be removed while the study is a draft.");
        }

        context.StudyPhotos.Remove(photo);
        await context.SaveChangesAsync(cancellationToken);
        photos.Delete(photo.Id);

        return new StudyOutcome.Done(study.Id);
    }

    /// <summary>Opens a draft study to participants; it needs a photo. From now on the settings are frozen.</summary>
    public async Task<StudyOutcome> OpenAsync(Guid studyId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        Study? study = await context.Studies.Include(s => s.Photos)
            .SingleOrDefaultAsync(s => s.Id == studyId, cancellationToken);
        if (study is null)
        {
            return NoSuchStudy;
        }

        if (study.State != StudyState.Draft)
        {
            return new StudyOutcome.Refused($"The study is already {study.State.ToString().ToLowerInvariant()}.");
        }

        if (study.Photos.Count == 0)
        {
            return new StudyOutcome.Refused("Add the photo the participants will list before opening the study.");
        }

        study.State = StudyState.Open;
        study.OpenedUtc = Now;
        await context.SaveChangesAsync(cancellationToken);
        Log.StudyOpened(logger, study.Id);

        return new StudyOutcome.Done(study.Id);
    }

    /// <summary>Closes an open study: no participant can continue, the results stay.</summary>
    public async Task<StudyOutcome> CloseAsync(Guid studyId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        Study? study = await context.Studies.SingleOrDefaultAsync(s => s.Id == studyId, cancellationToken);
        if (study is null)
        {
            return NoSuchStudy;
        }

        if (study.State != StudyState.Open)
        {
            return new StudyOutcome.Refused("Only an open study can be closed.");
        }

        study.State = StudyState.Closed;
        study.ClosedUtc = Now;
        await context.SaveChangesAsync(cancellationToken);
        Log.StudyClosed(logger, study.Id);

        return new StudyOutcome.Done(study.Id);
    }

    /// <summary>
    /// Makes <paramref name="count"/> personal invitation links (participants), each with its own token and its
    /// order of the flows; returns the new participants, or null when the study is missing or closed.
    /// </summary>
    public async Task<IReadOnlyList<StudyParticipant>?> InviteAsync(
        Guid studyId,
        int count,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, StudyLimits.MaxInvitationsPerRequest);

        return await AddParticipantsAsync(studyId, count, viaSharedLink: false, cancellationToken);
    }

    /// <summary>Gives the study its shared link (once; later calls return the same token).</summary>
    public async Task<string?> EnableSharedLinkAsync(Guid studyId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        Study? study = await context.Studies.SingleOrDefaultAsync(s => s.Id == studyId, cancellationToken);
        if (study is null || study.State == StudyState.Closed)
        {
            return null;
        }

        study.SharedToken ??= StudyTokens.New();
        await context.SaveChangesAsync(cancellationToken);

        return study.SharedToken;
    }

    /// <summary>
    /// A new participant arriving through the shared link of an open study; null when the token names no open
    /// study.
    /// </summary>
    public async Task<StudyParticipant?> JoinAsync(string sharedToken, CancellationToken cancellationToken)
    {
        Guid? studyId = await OpenStudyOfSharedLinkAsync(sharedToken, cancellationToken);
        if (studyId is null)
        {
            return null;
        }

        IReadOnlyList<StudyParticipant>? joined =
            await AddParticipantsAsync(studyId.Value, 1, viaSharedLink: true, cancellationToken);

        return joined?[0];
    }

    /// <summary>The open study whose shared link has this token, or null.</summary>
    public async Task<Guid?> OpenStudyOfSharedLinkAsync(string? sharedToken, CancellationToken cancellationToken)
    {
        if (!StudyTokens.LooksValid(sharedToken))
        {
            return null;
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        return await context.Studies
            .Where(s => s.SharedToken == sharedToken && s.State == StudyState.Open)
            .Select(s => (Guid?)s.Id)
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Study>> ListAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        return await context.Studies.AsNoTracking()
            .OrderByDescending(s => s.CreatedUtc)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The study with its photos and its participants' tasks, or null.</summary>
    public async Task<Study?> FindAsync(Guid studyId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        return await context.Studies.AsNoTracking()
            .Include(s => s.Photos.OrderBy(p => p.Position))
            .Include(s => s.Participants.OrderBy(p => p.Index))
            .ThenInclude(p => p.Tasks.OrderBy(t => t.Position))
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == studyId, cancellationToken);
    }

    /// <summary>Whether a photo belongs to some study (for the researchers' photo endpoint).</summary>
    public async Task<bool> IsStudyPhotoAsync(Guid photoId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        return await context.StudyPhotos.AnyAsync(p => p.Id == photoId, cancellationToken);
    }

    /// <summary>Every participant of the study as the analysis takes them, in invitation order.</summary>
    public static IReadOnlyList<ParticipantRecord> Records(Study study)
    {
        ArgumentNullException.ThrowIfNull(study);

        return [.. study.Participants.OrderBy(p => p.Index).Select(p => new ParticipantRecord(
            p.Code,
            p.Order,
            [.. p.Tasks.OrderBy(t => t.Position).Select(t => new TaskRecord(
                t.Flow,
                t.Position,
                t.StartedUtc,
                t.EndedUtc,
                t.Outcome == StudyTaskOutcome.Completed,
                new Dictionary<string, int>(t.FieldEdits),
                [.. t.KeptSuggestions]))],
            p.Preference,
            p.SusA,
            p.SusB))];
    }

    private async Task<IReadOnlyList<StudyParticipant>?> AddParticipantsAsync(
        Guid studyId,
        int count,
        bool viaSharedLink,
        CancellationToken cancellationToken)
    {
        await _invitations.WaitAsync(cancellationToken);
        try
        {
            await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
            Study? study = await context.Studies.SingleOrDefaultAsync(s => s.Id == studyId, cancellationToken);
            if (study is null || study.State == StudyState.Closed)
            {
                return null;
            }

            List<StudyParticipant> added = [];
            for (int i = 0; i < count; i++)
            {
                int index = study.ParticipantCount++;
                TaskOrder order = StudyOrderAssignment.For(study.OrderRule, study.OrderSeed, index);
                var participant = new StudyParticipant
                {
                    Id = Guid.NewGuid(),
                    StudyId = study.Id,
                    Token = StudyTokens.New(),
                    Code = string.Create(CultureInfo.InvariantCulture, $"P{index + 1:000}"),
                    Index = index,
                    Order = order,
                    ViaSharedLink = viaSharedLink,
                    InvitedUtc = Now,
                };
                for (int position = 1; position <= 2; position++)
                {
                    participant.Tasks.Add(new StudyTask
                    {
                        Id = Guid.NewGuid(),
                        ParticipantId = participant.Id,
                        Position = position,
                        Flow = StudyOrderAssignment.FlowAt(order, position),
                        Outcome = StudyTaskOutcome.Pending,
                    });
                }

                context.StudyParticipants.Add(participant);
                added.Add(participant);
            }

            await context.SaveChangesAsync(cancellationToken);
            Log.ParticipantsInvited(logger, study.Id, count, viaSharedLink);

            return added;
        }
        finally
        {
            _invitations.Release();
        }
    }

    private static StudyOutcome.Refused NoSuchStudy { get; } = new("There is no such study.");

    private DateTime Now => timeProvider.GetUtcNow().UtcDateTime;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Study {StudyId} created")]
        public static partial void StudyCreated(ILogger logger, Guid studyId);

        [LoggerMessage(2, LogLevel.Information, "Photo {PhotoId} added to study {StudyId}")]
        public static partial void PhotoAdded(ILogger logger, Guid studyId, Guid photoId);

        [LoggerMessage(3, LogLevel.Information, "Study {StudyId} opened to participants; its rule is frozen")]
        public static partial void StudyOpened(ILogger logger, Guid studyId);

        [LoggerMessage(4, LogLevel.Information, "Study {StudyId} closed")]
        public static partial void StudyClosed(ILogger logger, Guid studyId);

        [LoggerMessage(
            5,
            LogLevel.Information,
            "Study {StudyId}: {Count} participant(s) invited (shared link: {ViaSharedLink})")]
        public static partial void ParticipantsInvited(ILogger logger, Guid studyId, int count, bool viaSharedLink);
    }
}
