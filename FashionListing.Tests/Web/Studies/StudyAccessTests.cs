using System.Net;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Studies;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace FashionListing.Tests.Web.Studies;

/// <summary>
/// Who reaches the study pages, downloads and photos, through real HTTP requests with real sign-ins, and what
/// a participant's token opens: their own session and photo, and nothing else.
/// </summary>
public sealed class StudyAccessTests : IDisposable
{
    private const string StudyName = "Coat listing comparison";

    private readonly AppTestHost _host = new();

    public void Dispose() => _host.Dispose();

    public static TheoryData<string> ResearcherOnlyPaths { get; } =
    [
        "/studies",
        "/studies/new",
        "/studies/{study}",
        "/studies/{study}/photos/{photo}",
        "/studies/{study}/export/rows.csv",
        "/studies/{study}/export/summary.csv",
    ];

    [Theory]
    [MemberData(nameof(ResearcherOnlyPaths))]
    public async Task ResearcherOnlyPath_Anonymous_RedirectedToSignIn(string path)
    {
        string url = await UrlAsync(path);
        using HttpClient client = _host.NewClient();

        using HttpResponseMessage response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(ResearcherOnlyPaths))]
    public async Task ResearcherOnlyPath_Seller_SentToAccessDenied(string path)
    {
        await AssertDeniedAsync(AccountRoles.Seller, path);
    }

    [Theory]
    [MemberData(nameof(ResearcherOnlyPaths))]
    public async Task ResearcherOnlyPath_Moderator_SentToAccessDenied(string path)
    {
        await AssertDeniedAsync(AccountRoles.Moderator, path);
    }

    [Fact]
    public async Task StudiesPage_Researcher_ListsTheStudy()
    {
        await StudyAsync();
        await _host.CreateAccountAsync(AccountRoles.Researcher, "researcher@fashionlisting.test");
        using HttpClient researcher = await _host.SignedInClientAsync("researcher@fashionlisting.test");

        using HttpResponseMessage response = await researcher.GetAsync(new Uri("/studies", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(StudyName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StudyPage_Researcher_ShowsTheDashboardWithTwoInvited()
    {
        string url = await UrlAsync("/studies/{study}");
        await _host.CreateAccountAsync(AccountRoles.Researcher, "researcher@fashionlisting.test");
        using HttpClient researcher = await _host.SignedInClientAsync("researcher@fashionlisting.test");

        string page = await researcher.GetStringAsync(new Uri(url, UriKind.Relative));

        Assert.Contains(StudyName, page, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"count-invited\"[^>]*>2<", page);
        Assert.Matches("data-testid=\"count-started\"[^>]*>0<", page);
    }

    [Theory]
    [InlineData("rows", "participant,order,flow,position,")]
    [InlineData("summary", "section,measure,value")]
    public async Task ExportCsv_Researcher_DownloadsTheCsv(string which, string header)
    {
        (Guid studyId, _, _) = await StudyAsync();
        await _host.CreateAccountAsync(AccountRoles.Researcher, "researcher@fashionlisting.test");
        using HttpClient researcher = await _host.SignedInClientAsync("researcher@fashionlisting.test");

        using HttpResponseMessage response = await researcher.GetAsync(
            new Uri(StudyServiceCollectionExtensions.ExportUrl(studyId, which), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith(header, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StudyPhoto_Researcher_ReturnsTheJpegPrivately()
    {
        string url = await UrlAsync("/studies/{study}/photos/{photo}");
        await _host.CreateAccountAsync(AccountRoles.Researcher, "researcher@fashionlisting.test");
        using HttpClient researcher = await _host.SignedInClientAsync("researcher@fashionlisting.test");

        using HttpResponseMessage response = await researcher.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl!.Private);
    }

    [Fact]
    public async Task StudyPhoto_ThroughTheSellersPhotoEndpoint_NotFoundEvenForAModerator()
    {
        (_, Guid photoId, _) = await StudyAsync();
        await _host.CreateAccountAsync(AccountRoles.Moderator, "moderator@fashionlisting.test");
        using HttpClient moderator = await _host.SignedInClientAsync("moderator@fashionlisting.test");

        using HttpResponseMessage response = await moderator.GetAsync(new Uri("/photos/" + photoId, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ParticipantPage_OwnToken_ShowsOwnSessionAndNoOtherParticipant()
    {
        (_, _, IReadOnlyList<StudyParticipant> invited) = await StudyAsync();
        using HttpClient anonymous = _host.NewClient();

        string first = await anonymous.GetStringAsync(new Uri("/take/" + invited[0].Token, UriKind.Relative));
        string second = await anonymous.GetStringAsync(new Uri("/take/" + invited[1].Token, UriKind.Relative));

        Assert.Contains("participant P001", first, StringComparison.Ordinal);
        Assert.DoesNotContain("P002", first, StringComparison.Ordinal);
        Assert.DoesNotContain(invited[1].Token, first, StringComparison.Ordinal);
        Assert.Contains("data-flow=\"A\"", first, StringComparison.Ordinal);
        Assert.Contains("participant P002", second, StringComparison.Ordinal);
        Assert.Contains("data-flow=\"B\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParticipantPage_UnknownToken_SaysTheLinkIsNotValid()
    {
        await StudyAsync();
        using HttpClient anonymous = _host.NewClient();

        string page = await anonymous.GetStringAsync(new Uri("/take/" + StudyTokens.New(), UriKind.Relative));

        Assert.Contains("data-testid=\"invalid-link\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("participant P00", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParticipantPhoto_OwnToken_ReturnsTheStudyPhotoAndAnUnknownTokenNothing()
    {
        (_, _, IReadOnlyList<StudyParticipant> invited) = await StudyAsync();
        using HttpClient anonymous = _host.NewClient();

        using HttpResponseMessage own = await anonymous.GetAsync(
            new Uri(StudyServiceCollectionExtensions.ParticipantPhotoUrl(invited[0].Token, 1), UriKind.Relative));
        using HttpResponseMessage unknown = await anonymous.GetAsync(
            new Uri(StudyServiceCollectionExtensions.ParticipantPhotoUrl(StudyTokens.New(), 1), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("image/jpeg", own.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task SharedLink_SameBrowserTwice_OneParticipantAndNothingElseOpens()
    {
        (Guid studyId, _, _) = await StudyAsync();
        string shared = (await Studies.EnableSharedLinkAsync(studyId, default))!;
        using HttpClient browser = _host.NewClient();
        using HttpClient otherBrowser = _host.NewClient();
        var join = new Uri(StudyServiceCollectionExtensions.SharedLinkUrl(shared), UriKind.Relative);

        using HttpResponseMessage first = await browser.GetAsync(join);
        using HttpResponseMessage again = await browser.GetAsync(join);
        using HttpResponseMessage other = await otherBrowser.GetAsync(join);
        using HttpResponseMessage studies = await browser.GetAsync(new Uri("/studies", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/take/", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.NotEqual(first.Headers.Location, other.Headers.Location);
        Assert.Equal(4, (await Studies.FindAsync(studyId, default))!.ParticipantCount);
        Assert.Equal("/account/login", studies.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task DraftsPage_Moderator_ListsNoStudyListing()
    {
        (_, _, IReadOnlyList<StudyParticipant> invited) = await StudyAsync();
        var sessions = _host.Services.GetRequiredService<StudySessionService>();
        await sessions.StartTaskAsync(invited[0].Token, 1, default);
        var card = new FashionListing.Web.Components.Listing.ListingFormModel
        {
            Title = "Study-only camel coat",
            Condition = FashionListing.Web.Data.ItemCondition.Good,
            Price = 40m,
        };
        Assert.Equal(
            SessionStep.Done,
            await sessions.SubmitTaskAsync(invited[0].Token, 1, card, new Dictionary<string, int>(), default));
        await _host.CreateAccountAsync(AccountRoles.Moderator, "moderator@fashionlisting.test");
        using HttpClient moderator = await _host.SignedInClientAsync("moderator@fashionlisting.test");

        string page = await moderator.GetStringAsync(new Uri("/drafts", UriKind.Relative));

        Assert.DoesNotContain("Study-only camel coat", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-drafts\"", page, StringComparison.Ordinal);
    }

    private StudyService Studies => _host.Services.GetRequiredService<StudyService>();

    private async Task AssertDeniedAsync(string role, string path)
    {
        string url = await UrlAsync(path);
        await _host.CreateAccountAsync(role, "someone@fashionlisting.test");
        using HttpClient client = await _host.SignedInClientAsync("someone@fashionlisting.test");

        using HttpResponseMessage response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
        Assert.NotEqual("image/jpeg", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<string> UrlAsync(string path)
    {
        (Guid studyId, Guid photoId, _) = await StudyAsync();

        return path.Replace("{study}", studyId.ToString("D"), StringComparison.Ordinal)
            .Replace("{photo}", photoId.ToString("D"), StringComparison.Ordinal);
    }

    // An open study with one photo and two personal links (P001 does A first, P002 B first).
    private async Task<(Guid StudyId, Guid PhotoId, IReadOnlyList<StudyParticipant> Invited)> StudyAsync()
    {
        StudySettings settings = StudyTestServices.Settings() with { Name = StudyName };
        var created = (StudyOutcome.Done)await Studies.CreateAsync(settings, "researcher-id", default);
        Assert.IsType<StudyOutcome.Done>(
            await Studies.AddPhotoAsync(created.StudyId, TestPhotos.Jpeg(SKColors.Navy), default));
        Assert.IsType<StudyOutcome.Done>(await Studies.OpenAsync(created.StudyId, default));
        IReadOnlyList<StudyParticipant> invited = (await Studies.InviteAsync(created.StudyId, 2, default))!;
        Study study = (await Studies.FindAsync(created.StudyId, default))!;

        return (study.Id, study.Photos[0].Id, invited);
    }
}
