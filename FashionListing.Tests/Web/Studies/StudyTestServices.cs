using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Data;
using FashionListing.Web.Studies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using SkiaSharp;

namespace FashionListing.Tests.Web.Studies;

/// <summary>
/// The study services on the app's real SQLite database in a temporary folder, with a clock that moves only
/// when a test moves it and a stub suggester.
/// </summary>
public sealed class StudyTestServices : IAsyncDisposable
{
    public const string ResearcherId = "researcher-under-test";

    private readonly TempFolder _folder = new();
    private readonly ServiceProvider _services;

    public StudyTestServices(SuggestionOutcome? outcome = null)
    {
        Suggester = new StubListingSuggester(outcome ?? TestPhotos.TopAndJeans());
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataFolder"] = "data",
                ["Storage:ConnectionString"] = "Data Source=listings.db",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = _folder.Path });
        services.AddSingleton<TimeProvider>(Clock);
        services.AddListingData(configuration);
        services.AddSingleton<IListingSuggester>(Suggester);
        services.AddStudies();
        _services = services.BuildServiceProvider();
        _services.MigrateListingDatabase();
    }

    public SteppingTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));

    public StubListingSuggester Suggester { get; }

    public IServiceProvider Services => _services;

    public StudyService Studies => _services.GetRequiredService<StudyService>();

    public StudySessionService Sessions => _services.GetRequiredService<StudySessionService>();

    public StoragePaths Paths => _services.GetRequiredService<StoragePaths>();

    public ListingDbContext CreateDbContext() =>
        _services.GetRequiredService<IDbContextFactory<ListingDbContext>>().CreateDbContext();

    public static StudySettings Settings(
        StudyOrderRule rule = StudyOrderRule.Alternate,
        int? seed = null,
        bool askSus = false) => new(
        "Listing speed, December",
        StudySettings.DefaultInstructionsA,
        StudySettings.DefaultInstructionsB,
        rule,
        seed,
        MaxSecondsFirstTask: 600,
        MaxSecondsSecondTask: 480,
        ExcludeSkipped: true,
        askSus);

    /// <summary>A study with one photo, still a draft.</summary>
    public async Task<Guid> CreateDraftWithPhotoAsync(StudySettings? settings = null)
    {
        var created = (StudyOutcome.Done)await Studies.CreateAsync(
            settings ?? Settings(), ResearcherId, CancellationToken.None);
        StudyOutcome added = await Studies.AddPhotoAsync(
            created.StudyId, TestPhotos.Jpeg(SKColors.Navy), CancellationToken.None);
        Assert.IsType<StudyOutcome.Done>(added);

        return created.StudyId;
    }

    /// <summary>An open study with one photo and <paramref name="participants"/> personal links.</summary>
    public async Task<(Guid StudyId, IReadOnlyList<StudyParticipant> Participants)> CreateOpenStudyAsync(
        int participants,
        StudySettings? settings = null)
    {
        Guid studyId = await CreateDraftWithPhotoAsync(settings);
        Assert.IsType<StudyOutcome.Done>(await Studies.OpenAsync(studyId, CancellationToken.None));
        IReadOnlyList<StudyParticipant>? invited =
            await Studies.InviteAsync(studyId, participants, CancellationToken.None);

        return (studyId, invited!);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _folder.Dispose();
    }
}
