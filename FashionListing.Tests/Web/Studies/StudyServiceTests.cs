using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Data;
using FashionListing.Web.Studies;
using FashionListing.Web.Studies.Analysis;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace FashionListing.Tests.Web.Studies;

public sealed class StudyServiceTests
{
    [Fact]
    public async Task CreateAsync_NoNameAndRandomOrderWithoutSeed_RefusedWithEachProblem()
    {
        await using var services = new StudyTestServices();
        StudySettings settings = StudyTestServices.Settings(StudyOrderRule.SeededRandom) with { Name = "  " };

        StudyOutcome outcome = await services.Studies.CreateAsync(settings, StudyTestServices.ResearcherId, default);

        var refused = Assert.IsType<StudyOutcome.Refused>(outcome);
        Assert.Equal(
            ["Give the study a name.",
                "A random order needs a seed (any whole number), so that the orders can be reproduced."],
            refused.Problems);
        await using ListingDbContext db = services.CreateDbContext();
        Assert.Equal(0, await db.Studies.CountAsync());
    }

    [Fact]
    public async Task CreateAsync_NegativeTimeLimit_RefusedNamingTheValueAndTheLimit()
    {
        await using var services = new StudyTestServices();
        StudySettings settings = StudyTestServices.Settings() with { MaxSecondsSecondTask = -5 };

        StudyOutcome outcome = await services.Studies.CreateAsync(settings, StudyTestServices.ResearcherId, default);

        string problem = Assert.Single(Assert.IsType<StudyOutcome.Refused>(outcome).Problems);
        Assert.Equal(
            "The time limit of the second task is -5 seconds; it must be more than 0 and at most 86400 (one day), "
            + "or empty for no limit.",
            problem);
    }

    [Fact]
    public async Task CreateAsync_ValidSettings_StoredAsDraftTrimmedWithoutSeedForAlternation()
    {
        await using var services = new StudyTestServices();
        StudySettings settings = StudyTestServices.Settings() with { Name = "  Winter coats  ", OrderSeed = 99 };

        var done = Assert.IsType<StudyOutcome.Done>(
            await services.Studies.CreateAsync(settings, StudyTestServices.ResearcherId, default));

        Study stored = (await services.Studies.FindAsync(done.StudyId, default))!;
        Assert.Equal("Winter coats", stored.Name);
        Assert.Equal(StudyState.Draft, stored.State);
        Assert.Null(stored.OrderSeed);
        Assert.Equal(new ExclusionRule(600, 480, true), stored.ExclusionRule);
        Assert.Equal(services.Clock.GetUtcNow().UtcDateTime, stored.CreatedUtc);
    }

    [Fact]
    public async Task UpdateSettingsAsync_StudyOpen_RefusedAndTheRuleStaysAsDeclared()
    {
        await using var services = new StudyTestServices();
        (Guid studyId, _) = await services.CreateOpenStudyAsync(1);
        StudySettings looser = StudyTestServices.Settings() with { MaxSecondsFirstTask = 3600, ExcludeSkipped = false };

        StudyOutcome outcome = await services.Studies.UpdateSettingsAsync(studyId, looser, default);

        Assert.Contains("frozen", Assert.Single(Assert.IsType<StudyOutcome.Refused>(outcome).Problems),
            StringComparison.Ordinal);
        Study stored = (await services.Studies.FindAsync(studyId, default))!;
        Assert.Equal(new ExclusionRule(600, 480, true), stored.ExclusionRule);
    }

    [Fact]
    public async Task UpdateSettingsAsync_Draft_ChangesTheRule()
    {
        await using var services = new StudyTestServices();
        Guid studyId = await services.CreateDraftWithPhotoAsync();
        StudySettings changed =
            StudyTestServices.Settings() with { MaxSecondsFirstTask = null, ExcludeSkipped = false };

        StudyOutcome outcome = await services.Studies.UpdateSettingsAsync(studyId, changed, default);

        Assert.IsType<StudyOutcome.Done>(outcome);
        Study stored = (await services.Studies.FindAsync(studyId, default))!;
        Assert.Equal(new ExclusionRule(null, 480, false), stored.ExclusionRule);
    }

    [Fact]
    public async Task OpenAsync_NoPhoto_RefusedAndStaysDraft()
    {
        await using var services = new StudyTestServices();
        var created = (StudyOutcome.Done)await services.Studies.CreateAsync(
            StudyTestServices.Settings(), StudyTestServices.ResearcherId, default);

        StudyOutcome outcome = await services.Studies.OpenAsync(created.StudyId, default);

        Assert.IsType<StudyOutcome.Refused>(outcome);
        Assert.Equal(StudyState.Draft, (await services.Studies.FindAsync(created.StudyId, default))!.State);
    }

    [Fact]
    public async Task AddPhotoAsync_Upload_CleanedAndStoredApartFromTheSellersPhotos()
    {
        await using var services = new StudyTestServices();
        var created = (StudyOutcome.Done)await services.Studies.CreateAsync(
            StudyTestServices.Settings(), StudyTestServices.ResearcherId, default);
        byte[] upload = TestPhotos.Jpeg(SKColors.Olive);

        StudyOutcome outcome = await services.Studies.AddPhotoAsync(created.StudyId, upload, default);

        Assert.IsType<StudyOutcome.Done>(outcome);
        Assert.Equal(1, services.Suggester.CleanCalls);
        Assert.Equal(0, services.Suggester.Calls);
        StudyPhoto photo = Assert.Single((await services.Studies.FindAsync(created.StudyId, default))!.Photos);
        Assert.Equal(1, photo.Position);
        string file = Path.Combine(services.Paths.DataFolder, "study-photos", photo.Id.ToString("D") + ".jpg");

        // The stub's cleaned photo is the top-and-jeans JPEG, not the upload: what is stored is the cleaned one.
        PhotoAnalysed cleaned = TestPhotos.TopAndJeans();
        Assert.Equal(cleaned.Photo.Jpeg, await File.ReadAllBytesAsync(file));
        string sellerPhotos = services.Paths.PhotosFolder;
        Assert.False(Directory.Exists(sellerPhotos) && Directory.EnumerateFiles(sellerPhotos).Any());
        await using ListingDbContext db = services.CreateDbContext();
        Assert.Equal(0, await db.Photos.CountAsync());
    }

    [Fact]
    public async Task AddPhotoAsync_RejectedUpload_RefusedWithTheReason()
    {
        var rejected = new PhotoRejected(
            PhotoRejectionReason.UnsupportedType,
            "This file is not a JPEG, PNG or WebP photo.");
        await using var services = new StudyTestServices(rejected);
        var created = (StudyOutcome.Done)await services.Studies.CreateAsync(
            StudyTestServices.Settings(), StudyTestServices.ResearcherId, default);

        StudyOutcome outcome = await services.Studies.AddPhotoAsync(created.StudyId, [1, 2, 3], default);

        Assert.Equal(rejected.Message, Assert.Single(Assert.IsType<StudyOutcome.Refused>(outcome).Problems));
    }

    [Fact]
    public async Task AddPhotoAsync_StudyOpen_Refused()
    {
        await using var services = new StudyTestServices();
        (Guid studyId, _) = await services.CreateOpenStudyAsync(1);

        StudyOutcome outcome = await services.Studies.AddPhotoAsync(studyId, TestPhotos.Jpeg(SKColors.Red), default);

        Assert.IsType<StudyOutcome.Refused>(outcome);
        Assert.Single((await services.Studies.FindAsync(studyId, default))!.Photos);
    }

    [Fact]
    public async Task InviteAsync_Alternation_OrdersAlternateAndEachLinkHasItsOwnToken()
    {
        await using var services = new StudyTestServices();

        (Guid studyId, IReadOnlyList<StudyParticipant> invited) = await services.CreateOpenStudyAsync(4);

        Assert.Equal(
            [TaskOrder.AThenB, TaskOrder.BThenA, TaskOrder.AThenB, TaskOrder.BThenA],
            invited.Select(p => p.Order));
        Assert.Equal(["P001", "P002", "P003", "P004"], invited.Select(p => p.Code));
        Assert.Equal(4, invited.Select(p => p.Token).Distinct(StringComparer.Ordinal).Count());
        Study stored = (await services.Studies.FindAsync(studyId, default))!;
        Assert.Equal(
            [StudyFlow.B, StudyFlow.A],
            stored.Participants.Single(p => p.Code == "P002").Tasks.Select(t => t.Flow));
    }

    [Fact]
    public async Task InviteAsync_SeededRandomTwice_SameOrdersForTheSameSeed()
    {
        await using var services = new StudyTestServices();
        StudySettings settings = StudyTestServices.Settings(StudyOrderRule.SeededRandom, seed: 31);

        (_, IReadOnlyList<StudyParticipant> first) = await services.CreateOpenStudyAsync(10, settings);
        (_, IReadOnlyList<StudyParticipant> second) = await services.CreateOpenStudyAsync(10, settings);

        Assert.Equal(first.Select(p => p.Order), second.Select(p => p.Order));
        Assert.Equal(5, first.Count(p => p.Order == TaskOrder.AThenB));
    }

    [Fact]
    public async Task InviteAsync_ClosedStudy_ReturnsNull()
    {
        await using var services = new StudyTestServices();
        (Guid studyId, _) = await services.CreateOpenStudyAsync(1);
        await services.Studies.CloseAsync(studyId, default);

        IReadOnlyList<StudyParticipant>? invited = await services.Studies.InviteAsync(studyId, 2, default);

        Assert.Null(invited);
    }

    [Fact]
    public async Task JoinAsync_SharedLinkAfterPersonalLinks_NextParticipantTakesTheNextOrder()
    {
        await using var services = new StudyTestServices();
        (Guid studyId, _) = await services.CreateOpenStudyAsync(1);
        string shared = (await services.Studies.EnableSharedLinkAsync(studyId, default))!;

        StudyParticipant? second = await services.Studies.JoinAsync(shared, default);
        StudyParticipant? third = await services.Studies.JoinAsync(shared, default);

        Assert.Equal(TaskOrder.BThenA, second!.Order);
        Assert.Equal(TaskOrder.AThenB, third!.Order);
        Assert.True(second.ViaSharedLink);
        Assert.Equal(3, (await services.Studies.FindAsync(studyId, default))!.ParticipantCount);
    }

    [Fact]
    public async Task JoinAsync_StudyStillDraft_ReturnsNull()
    {
        await using var services = new StudyTestServices();
        Guid studyId = await services.CreateDraftWithPhotoAsync();
        string shared = (await services.Studies.EnableSharedLinkAsync(studyId, default))!;

        StudyParticipant? joined = await services.Studies.JoinAsync(shared, default);

        Assert.Null(joined);
    }
}
