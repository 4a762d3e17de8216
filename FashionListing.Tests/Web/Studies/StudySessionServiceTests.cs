using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Components.Listing;
using FashionListing.Web.Data;
using FashionListing.Web.Studies;
using FashionListing.Web.Studies.Analysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FashionListing.Tests.Web.Studies;

public sealed class StudySessionServiceTests
{
    private static readonly Dictionary<string, int> s_noEdits = [];

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task FindAsync_TokenOfNobody_ReturnsNull(string? token)
    {
        await using var services = new StudyTestServices();
        await services.CreateOpenStudyAsync(2);

        ParticipantSession? session = await services.Sessions.FindAsync(token, default);

        Assert.Null(session);
    }

    [Fact]
    public async Task SubmitTaskAsync_StartedThenSubmitted_TimesComeFromTheServerClock()
    {
        await using var services = new StudyTestServices();
        (_, IReadOnlyList<StudyParticipant> invited) = await services.CreateOpenStudyAsync(1);
        string token = invited[0].Token;
        DateTime opened = services.Clock.GetUtcNow().UtcDateTime;
        await services.Sessions.OpenTaskAsync(token, 1, default);
        services.Clock.Advance(TimeSpan.FromSeconds(8));
        DateTime started = services.Clock.GetUtcNow().UtcDateTime;

        await services.Sessions.StartTaskAsync(token, 1, default);
        services.Clock.Advance(TimeSpan.FromSeconds(42.5));
        SessionStep step =
            await services.Sessions.SubmitTaskAsync(token, 1, Card("Navy wool jumper"), s_noEdits, default);

        Assert.Equal(SessionStep.Done, step);
        StudyTask task = await TaskAsync(services, token, 1);
        Assert.Equal(opened, task.OpenedUtc);
        Assert.Equal(started, task.StartedUtc);
        Assert.Equal(started.AddSeconds(42.5), task.EndedUtc);
        Assert.Equal(StudyTaskOutcome.Completed, task.Outcome);
    }

    [Fact]
    public async Task KeepCardAsync_NotStartedStartedAndEnded_KeptOnlyWhileTheTaskRuns()
    {
        await using var services = new StudyTestServices();
        (_, IReadOnlyList<StudyParticipant> invited) = await services.CreateOpenStudyAsync(1);
        string token = invited[0].Token;
        var kept = new KeptStudyCard(Card("Half typed"), new Dictionary<string, int> { ["Title"] = 2 });

        SessionStep beforeStart = await services.Sessions.KeepCardAsync(token, 1, kept, default);
        await services.Sessions.StartTaskAsync(token, 1, default);
        SessionStep whileRunning = await services.Sessions.KeepCardAsync(token, 1, kept, default);
        KeptStudyCard? stored = KeptStudyCard.FromJson((await TaskAsync(services, token, 1)).KeptCardJson);
        await services.Sessions.SkipTaskAsync(token, 1, kept.Edits, default);
        SessionStep afterEnd = await services.Sessions.KeepCardAsync(token, 1, kept, default);

        Assert.Equal(
            (SessionStep.NotStarted, SessionStep.Done, SessionStep.AlreadyEnded),
            (beforeStart, whileRunning, afterEnd));
        Assert.Equal("Half typed", stored?.Card.Title);
        Assert.Equal(2, stored?.Edits["Title"]);
        Assert.Null((await TaskAsync(services, token, 1)).KeptCardJson);
    }

    [Fact]
    public void FieldEditCounter_ContinuedFromKeptCounts_NextChangeOfTheSameFieldIsANewEdit()
    {
        var counter = new FieldEditCounter(new Dictionary<string, int> { ["Title"] = 2, ["Price"] = 1 });

        counter.Changed("Title");
        counter.Changed("Title");

        Assert.Equal(new Dictionary<string, int> { ["Title"] = 3, ["Price"] = 1 }, counter.Counts);
    }

    [Fact]
    public async Task StartTaskAsync_PressedTwice_KeepsTheFirstTime()
    {
        await using var services = new StudyTestServices();
        (_, IReadOnlyList<StudyParticipant> invited) = await services.CreateOpenStudyAsync(1);
        string token = invited[0].Token;
        DateTime first = services.Clock.GetUtcNow().UtcDateTime;

        await services.Sessions.StartTaskAsync(token, 1, default);
        services.Clock.Advance(TimeSpan.FromSeconds(30));
        await services.Sessions.StartTaskAsync(token, 1, default);

        Assert.Equal(first, (await TaskAsync(services, token, 1)).StartedUtc);
    }

    [Fact]
    public async Task StartTaskAsync_SecondTaskBeforeTheFirstEnded_OutOfOrderAndNothingRecorded()
    {
        await using var services = new StudyTestServices();
        (_, IReadOnlyList<StudyParticipant> invited) = await services.CreateOpenStudyAsync(1);

        SessionStep step = await services.Sessions.StartTaskAsync(invited[0].Token, 2, default);

        Assert.Equal(SessionStep.OutOfOrder, step);
        Assert.Null((await TaskAsync(services, invited[0].Token, 2)).StartedUtc);
    }

    [Fact]
    public async Task SubmitTaskAsync_NotStarted_RefusedAndNothingStored()
    {
        await using var services = new StudyTestServices();
        (_, IReadOnlyList<StudyParticipant> invited) = await services.CreateOpenStudyAsync(1);

        SessionStep step =
            await services.Sessions.SubmitTaskAsync(invited[0].Token, 1, Card("Red scarf"), s_noEdits, default);

        Assert.Equal(SessionStep.NotStarted, step);
        await using ListingDbContext db = services.CreateDbContext();
        Assert.Equal(0, await db.StudyListings.CountAsync());
    }

    [Fact]
    public async Task SubmitTaskAsync_AlreadySubmitted_RefusedAndTheFirstEndStays()
    {
        await using var services = new StudyTestServices();
        (_, IReadOnlyList<StudyParticipant> invited) = await services.CreateOpenStudyAsync(1);
        string token = invited[0].Token;
        await services.Sessions.StartTaskAsync(token, 1, default);
        await services.Sessions.SubmitTaskAsync(token, 1, Card("Red scarf"), s_noEdits, default);
        DateTime? ended = (await TaskAsync(services, token, 1)).EndedUtc;
        services.Clock.Advance(TimeSpan.FromMinutes(1));

        SessionStep step = await services.Sessions.SubmitTaskAsync(token, 1, Card("Blue scarf"), s_noEdits, default);

        Assert.Equal(SessionStep.AlreadyEnded, step);
        Assert.Equal(ended, (await TaskAsync(services, token, 1)).EndedUtc);
    }

    [Fact]
    public async Task SubmitTaskAsync_Card_StoredAsStudyListingAndNeverAsDraft()
    {
        await using var services = new StudyTestServices();
        (_, IReadOnlyList<StudyParticipant> invited) = await services.CreateOpenStudyAsync(1);
        string token = invited[0].Token;
        await services.Sessions.StartTaskAsync(token, 1, default);
        var edits = new Dictionary<string, int> { ["Title"] = 2, ["Price"] = 1 };

        await services.Sessions.SubmitTaskAsync(token, 1, Card("Navy wool jumper"), edits, default);

        await using ListingDbContext db = services.CreateDbContext();
        StudyListing listing = await db.StudyListings.SingleAsync();
        Assert.Equal("Navy wool jumper", listing.Title);
        Assert.Equal(24.90m, listing.Price);
        Assert.Equal(0, await db.Drafts.CountAsync());
        var moderator = new ListingViewer("moderator-1", IsSeller: false, IsModerator: true);
        var drafts = services.Services.GetService<ListingDraftService>()!;
        Assert.Empty(await drafts.ListAsync(moderator, default));
        Assert.Equal(edits, (await TaskAsync(services, token, 1)).FieldEdits);
    }

    [Fact]
    public async Task SubmitTaskAsync_FlowBWithTitleAndColourEdited_KeepsTheUntouchedSuggestions()
    {
        await using var services = new StudyTestServices();
        (_, IReadOnlyList<StudyParticipant> invited) = await services.CreateOpenStudyAsync(2);
        string token = invited[1].Token;
        SuggestionSnapshot suggestion = SuggestionSnapshot.From(TestPhotos.TopAndJeans(), 0);
        ListingFormModel card = SuggestedCard.From(suggestion.Garments[0]);
        card.Title = "Burgundy top, worn twice";
        card.Colour = "burgundy";
        card.Condition = ItemCondition.Good;
        card.Price = 15m;
        await services.Sessions.StartTaskAsync(token, 1, default);
        await services.Sessions.SaveSuggestionAsync(token, 1, suggestion, default);

        await services.Sessions.SubmitTaskAsync(token, 1, card, s_noEdits, default);

        StudyTask task = await TaskAsync(services, token, 1);
        Assert.Equal(StudyFlow.B, task.Flow);
        Assert.Equal(
            ["Category", "Colour:burgundy", "Attribute:classic (t-shirt)", "Attribute:wrist-length", "Description"],
            task.KeptSuggestions);
    }

    [Fact]
    public async Task SkipTaskAsync_NotStarted_EndsSkippedAndTheNextTaskCanStart()
    {
        await using var services = new StudyTestServices();
        (_, IReadOnlyList<StudyParticipant> invited) = await services.CreateOpenStudyAsync(1);
        string token = invited[0].Token;

        SessionStep skipped = await services.Sessions.SkipTaskAsync(token, 1, s_noEdits, default);
        SessionStep next = await services.Sessions.StartTaskAsync(token, 2, default);

        Assert.Equal(SessionStep.Done, skipped);
        Assert.Equal(SessionStep.Done, next);
        StudyTask task = await TaskAsync(services, token, 1);
        Assert.Equal(StudyTaskOutcome.Skipped, task.Outcome);
        Assert.NotNull(task.EndedUtc);
        Assert.Null(task.StartedUtc);
    }

    [Fact]
    public async Task SubmitTaskAsync_OneParticipantsToken_LeavesTheOtherParticipantUntouched()
    {
        await using var services = new StudyTestServices();
        (_, IReadOnlyList<StudyParticipant> invited) = await services.CreateOpenStudyAsync(2);
        await services.Sessions.StartTaskAsync(invited[0].Token, 1, default);

        await services.Sessions.SubmitTaskAsync(invited[0].Token, 1, Card("Navy wool jumper"), s_noEdits, default);

        StudyTask other = await TaskAsync(services, invited[1].Token, 1);
        Assert.Null(other.StartedUtc);
        Assert.Equal(StudyTaskOutcome.Pending, other.Outcome);
    }

    [Fact]
    public async Task StartTaskAsync_StudyClosed_RefusedAsNotOpen()
    {
        await using var services = new StudyTestServices();
        (Guid studyId, IReadOnlyList<StudyParticipant> invited) = await services.CreateOpenStudyAsync(1);
        await services.Studies.CloseAsync(studyId, default);

        SessionStep step = await services.Sessions.StartTaskAsync(invited[0].Token, 1, default);

        Assert.Equal(SessionStep.StudyNotOpen, step);
    }

    [Fact]
    public async Task AnswerAsync_BeforeBothTasksEnded_OutOfOrder()
    {
        await using var services = new StudyTestServices();
        (_, IReadOnlyList<StudyParticipant> invited) = await services.CreateOpenStudyAsync(1);
        await services.Sessions.SkipTaskAsync(invited[0].Token, 1, s_noEdits, default);

        SessionStep step = await services.Sessions.AnswerAsync(invited[0].Token, 4, null, null, default);

        Assert.Equal(SessionStep.OutOfOrder, step);
    }

    [Fact]
    public async Task AnswerAsync_SusAskedButNotGiven_InvalidAndNothingStored()
    {
        await using var services = new StudyTestServices();
        (_, IReadOnlyList<StudyParticipant> invited) =
            await services.CreateOpenStudyAsync(1, StudyTestServices.Settings(askSus: true));
        string token = invited[0].Token;
        await EndBothTasksAsync(services, token);

        SessionStep step = await services.Sessions.AnswerAsync(token, 4, [5, 1, 5, 1, 5, 1, 5, 1, 5], null, default);

        Assert.Equal(SessionStep.InvalidAnswer, step);
        Assert.False((await services.Sessions.FindAsync(token, default))!.Answered);
    }

    [Fact]
    public async Task AnswerAsync_AfterBothTasks_StoresPreferenceAndSus()
    {
        await using var services = new StudyTestServices();
        (_, IReadOnlyList<StudyParticipant> invited) =
            await services.CreateOpenStudyAsync(1, StudyTestServices.Settings(askSus: true));
        string token = invited[0].Token;
        await EndBothTasksAsync(services, token);
        int[] susA = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3];
        int[] susB = [5, 1, 5, 1, 5, 1, 5, 1, 5, 1];

        SessionStep step = await services.Sessions.AnswerAsync(token, 5, susA, susB, default);

        Assert.Equal(SessionStep.Done, step);
        await using ListingDbContext db = services.CreateDbContext();
        StudyParticipant stored = await db.StudyParticipants.SingleAsync();
        Assert.Equal(5, stored.Preference);
        Assert.Equal(susA, stored.SusA);
        Assert.Equal(susB, stored.SusB);
    }

    [Fact]
    public async Task OpenPhotoAsync_TwoPhotos_EachTaskGetsThePhotoOfItsPosition()
    {
        await using var services = new StudyTestServices();
        Guid studyId = await services.CreateDraftWithPhotoAsync();
        await services.Studies.AddPhotoAsync(studyId, TestPhotos.Jpeg(SkiaSharp.SKColors.Red), default);
        await services.Studies.OpenAsync(studyId, default);
        string token = (await services.Studies.InviteAsync(studyId, 1, default))![0].Token;
        Study study = (await services.Studies.FindAsync(studyId, default))!;

        await using Stream first = (await services.Sessions.OpenPhotoAsync(token, 1, default))!;
        await using Stream second = (await services.Sessions.OpenPhotoAsync(token, 2, default))!;
        Stream? third = await services.Sessions.OpenPhotoAsync(token, 3, default);

        Assert.Equal(Path.GetFileNameWithoutExtension(((FileStream)first).Name), study.Photos[0].Id.ToString("D"));
        Assert.Equal(Path.GetFileNameWithoutExtension(((FileStream)second).Name), study.Photos[1].Id.ToString("D"));
        Assert.Null(third);
    }

    [Fact]
    public async Task OpenPhotoAsync_StudyStillDraft_ReturnsNull()
    {
        await using var services = new StudyTestServices();
        Guid studyId = await services.CreateDraftWithPhotoAsync();
        string token = (await services.Studies.InviteAsync(studyId, 1, default))![0].Token;

        Stream? photo = await services.Sessions.OpenPhotoAsync(token, 1, default);

        Assert.Null(photo);
    }

    private static async Task EndBothTasksAsync(StudyTestServices services, string token)
    {
        await services.Sessions.StartTaskAsync(token, 1, default);
        await services.Sessions.SubmitTaskAsync(token, 1, Card("Navy wool jumper"), s_noEdits, default);
        await services.Sessions.SkipTaskAsync(token, 2, s_noEdits, default);
    }

    private static async Task<StudyTask> TaskAsync(StudyTestServices services, string token, int position)
    {
        await using ListingDbContext db = services.CreateDbContext();
        Guid participant = await db.StudyParticipants.Where(p => p.Token == token).Select(p => p.Id).SingleAsync();

        return await db.StudyTasks.SingleAsync(t => t.ParticipantId == participant && t.Position == position);
    }

    private static ListingFormModel Card(string title) => new()
    {
        Title = title,
        Category = "Sweater",
        Condition = ItemCondition.LikeNew,
        Price = 24.90m,
    };
}
