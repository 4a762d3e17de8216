using System.Net;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Data;
using FashionListing.Web.Photos;
using FashionListing.Web.Studies;
using FashionListing.Tests.Web.Studies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace FashionListing.Tests.Web.Security;

/// <summary>
/// Walks every endpoint the app maps, as an anonymous visitor and as a seller who owns nothing, and checks each
/// answer against the rule written for that endpoint here. An endpoint added without a rule fails the first
/// test, so nothing new is reachable without someone deciding who may reach it.
/// </summary>
public sealed class EndpointAccessTests : IAsyncLifetime, IDisposable
{
    // No character that HTML encodes, so that finding it (or not) in a page means what it says.
    private const string SecretTitle = "Silk scarf of seller A not for other eyes";

    private const string SecretStudyName = "Study of the research team only";

    private readonly AppTestHost _host = new();
    private Guid _draftId;
    private Guid _photoId;
    private Guid _studyId;
    private Guid _studyPhotoId;

    /// <summary>The rule of every endpoint of the app, by route pattern.</summary>
    private static readonly Dictionary<string, Rule> s_rules = new()
    {
        ["/"] = Rule.Public,
        ["/Error"] = Rule.StatusPage,
        ["/not-found"] = Rule.StatusPage,
        ["/account/login"] = Rule.Public,
        ["/account/register"] = Rule.Public,
        ["/account/access-denied"] = Rule.StatusPage,
        ["/account/logout"] = Rule.Public,
        ["/sell"] = Rule.SellerPage,
        ["/manual"] = Rule.SellerPage,
        ["/drafts"] = Rule.SellerPage,
        ["/drafts/{Id:guid}"] = Rule.OwnedPage,
        ["/photos/{id}"] = Rule.OwnedEndpoint,
        ["/studies"] = Rule.ResearcherOnly,
        ["/studies/new"] = Rule.ResearcherOnly,
        ["/studies/{StudyId:guid}"] = Rule.ResearcherOnly,
        ["/studies/{studyId:guid}/photos/{photoId:guid}"] = Rule.ResearcherOnly,
        ["/studies/{studyId:guid}/export/rows.csv"] = Rule.ResearcherOnly,
        ["/studies/{studyId:guid}/export/summary.csv"] = Rule.ResearcherOnly,
        ["/take/{Token}"] = Rule.TokenOnly,
        ["/take/{token}/photos/{position:int}"] = Rule.TokenOnly,
        ["/join/{sharedToken}"] = Rule.TokenOnly,

        ["/photos/{id}/overlays/{index}"] = Rule.OwnedEndpoint,
        ["/moderation"] = Rule.ModeratorPage,
        ["/moderation/{Id:guid}"] = Rule.ModeratorPage,
    };

    private static readonly HttpStatusCode[] s_statusPageCodes =
        [HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.InternalServerError];

    private enum Rule
    {
        /// <summary>Anyone may open it; it shows nothing of any seller.</summary>
        Public,

        /// <summary>A page that explains a refusal or an error, with that status code; it shows nothing of any seller.</summary>
        StatusPage,

        /// <summary>Sellers only: anonymous visitors go to the sign-in page; another seller sees only their own.</summary>
        SellerPage,

        /// <summary>One seller's page: anonymous visitors go to the sign-in page, another seller gets 404.</summary>
        OwnedPage,

        /// <summary>One seller's file: 401 to anonymous requests (no redirect for an img), 404 to another seller.</summary>
        OwnedEndpoint,

        /// <summary>Study data: anonymous visitors go to the sign-in page, sellers to the access-denied page.</summary>
        ResearcherOnly,

        /// <summary>
        /// A study participant's page or photo, reached only with the token of their invitation (they have no
        /// account): a token that was never handed out gets 404, or the page that says the link is not valid.
        /// </summary>
        TokenOnly,

        /// <summary>Moderators only: anonymous visitors go to sign in, a seller to the access-denied page.</summary>
        ModeratorPage,
    }

    public async Task InitializeAsync()
    {
        string owner = await _host.CreateAccountAsync(AccountRoles.Seller, "owner@sellers.test");
        await _host.CreateAccountAsync(AccountRoles.Seller, "other@sellers.test");
        _photoId = await _host.Services.GetRequiredService<PhotoStore>().SaveAsync(
            TestPhotos.Jpeg(SKColors.Purple),
            [TestPhotos.OverlayPng(new SKRectI(5, 5, 20, 20))],
            owner,
            CancellationToken.None);
        var draft = new ListingDraft
        {
            Mode = ListingMode.Manual,
            Title = SecretTitle,
            Condition = ItemCondition.Good,
            Price = 40m,
            PhotoId = _photoId,
        };
        _draftId = await _host.Services.GetRequiredService<ListingDraftService>()
            .SaveNewAsync(draft, new ListingViewer(owner, IsSeller: true, IsModerator: false));

        var studies = _host.Services.GetRequiredService<StudyService>();
        StudySettings settings = StudyTestServices.Settings() with { Name = SecretStudyName };
        var created = (StudyOutcome.Done)await studies.CreateAsync(settings, "researcher-id", CancellationToken.None);
        Assert.IsType<StudyOutcome.Done>(
            await studies.AddPhotoAsync(created.StudyId, TestPhotos.Jpeg(SKColors.Olive), CancellationToken.None));
        Assert.IsType<StudyOutcome.Done>(await studies.OpenAsync(created.StudyId, CancellationToken.None));
        Assert.NotNull(await studies.InviteAsync(created.StudyId, 2, CancellationToken.None));
        _studyId = created.StudyId;
        _studyPhotoId = (await studies.FindAsync(created.StudyId, CancellationToken.None))!.Photos[0].Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Endpoints_EveryOneOfTheApp_HasARule()
    {
        string[] unruled = [.. AppEndpoints().Select(e => e.Pattern).Where(p => !s_rules.ContainsKey(p)).Distinct()];
        string[] stale = [.. s_rules.Keys.Where(p => AppEndpoints().All(e => e.Pattern != p))];

        Assert.True(unruled.Length == 0, $"Endpoints without an access rule in this test: {string.Join(", ", unruled)}");
        Assert.True(stale.Length == 0, $"Rules for endpoints the app no longer maps: {string.Join(", ", stale)}");
    }

    [Fact]
    public async Task Endpoints_Anonymous_EachAnswersByItsRule()
    {
        using HttpClient anonymous = _host.NewClient();

        foreach ((string pattern, Rule rule) in s_rules)
        {
            using HttpResponseMessage response = await anonymous.GetAsync(Url(pattern));
            string body = await response.Content.ReadAsStringAsync();
            string where = $"GET {pattern} as an anonymous visitor answered {(int)response.StatusCode}";

            Assert.DoesNotContain(SecretTitle, body, StringComparison.Ordinal);
            Assert.DoesNotContain(SecretStudyName, body, StringComparison.Ordinal);
            switch (rule)
            {
                case Rule.Public:
                    Assert.True(response.StatusCode == HttpStatusCode.OK, where);
                    break;
                case Rule.StatusPage:
                    Assert.True(s_statusPageCodes.Contains(response.StatusCode), where);
                    break;
                case Rule.SellerPage or Rule.OwnedPage or Rule.ModeratorPage:
                    Assert.True(response.StatusCode == HttpStatusCode.Redirect, where);
                    Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
                    break;
                case Rule.OwnedEndpoint:
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, where);
                    break;
                case Rule.ResearcherOnly:
                    Assert.True(response.StatusCode == HttpStatusCode.Redirect, where);
                    Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
                    break;
                case Rule.TokenOnly:
                    AssertRefusedToken(response.StatusCode, body, where);
                    break;
            }
        }
    }

    [Fact]
    public async Task Endpoints_AnotherSeller_EachAnswersByItsRuleAndShowsNothingOfTheOwner()
    {
        using HttpClient other = await _host.SignedInClientAsync("other@sellers.test");

        foreach ((string pattern, Rule rule) in s_rules)
        {
            using HttpResponseMessage response = await other.GetAsync(Url(pattern));
            string body = await response.Content.ReadAsStringAsync();
            string where = $"GET {pattern} as another seller answered {(int)response.StatusCode}";

            Assert.DoesNotContain(SecretTitle, body, StringComparison.Ordinal);
            Assert.DoesNotContain(SecretStudyName, body, StringComparison.Ordinal);
            Assert.NotEqual("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            Assert.NotEqual("image/png", response.Content.Headers.ContentType?.MediaType);
            if (rule == Rule.ModeratorPage)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, where);
                Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
                continue;
            }

            HttpStatusCode[] allowed = rule switch
            {
                Rule.Public => [HttpStatusCode.OK, HttpStatusCode.Redirect],
                Rule.StatusPage => s_statusPageCodes,
                Rule.SellerPage => [HttpStatusCode.OK],
                Rule.OwnedPage or Rule.OwnedEndpoint => [HttpStatusCode.NotFound],
                Rule.TokenOnly => [AssertRefusedToken(response.StatusCode, body, where)],
                Rule.ResearcherOnly => [HttpStatusCode.Redirect],
                _ => [],
            };
            Assert.True(allowed.Contains(response.StatusCode), where);
            if (rule == Rule.ResearcherOnly)
            {
                Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
            }
        }
    }

    [Fact]
    public async Task Endpoints_Owner_ReachesTheOwnedOnes()
    {
        // The control: the URLs the other tests were refused are real, and open for their owner.
        using HttpClient owner = await _host.SignedInClientAsync("owner@sellers.test");

        using HttpResponseMessage page = await owner.GetAsync(Url("/drafts/{Id:guid}"));
        using HttpResponseMessage photo = await owner.GetAsync(Url("/photos/{id}"));
        using HttpResponseMessage overlay = await owner.GetAsync(Url("/photos/{id}/overlays/{index}"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(SecretTitle, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, overlay.StatusCode);
        Assert.Equal("image/png", overlay.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Pages_PostWithoutAntiforgeryToken_AreRefused()
    {
        using HttpClient other = await _host.SignedInClientAsync("other@sellers.test");

        foreach (string pattern in AppEndpoints().Where(e => e.Methods.Contains("POST")).Select(e => e.Pattern))
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "any" });
            using HttpResponseMessage response = await other.PostAsync(Url(pattern), form);

            Assert.False(
                response.IsSuccessStatusCode,
                $"POST {pattern} without an antiforgery token answered {(int)response.StatusCode}.");
        }
    }

    private static HttpStatusCode AssertRefusedToken(HttpStatusCode status, string body, string where)
    {
        Assert.True(
            status == HttpStatusCode.NotFound
            || (status == HttpStatusCode.OK && body.Contains("data-testid=\"invalid-link\"", StringComparison.Ordinal)),
            where + ", neither 404 nor the page saying the link is not valid");

        return status;
    }

    // Real ids of seller A's draft and photo and of the study; participant tokens that were never handed out.
    private Uri Url(string pattern) => new(
        pattern
            .Replace("{Id:guid}", _draftId.ToString("D"), StringComparison.Ordinal)
            .Replace("{id}", _photoId.ToString("D"), StringComparison.Ordinal)
            .Replace("{StudyId:guid}", _studyId.ToString("D"), StringComparison.Ordinal)
            .Replace("{studyId:guid}", _studyId.ToString("D"), StringComparison.Ordinal)
            .Replace("{photoId:guid}", _studyPhotoId.ToString("D"), StringComparison.Ordinal)
            .Replace("{Token}", "never-handed-out-token", StringComparison.Ordinal)
            .Replace("{token}", "never-handed-out-token", StringComparison.Ordinal)
            .Replace("{sharedToken}", "never-handed-out-token", StringComparison.Ordinal)
            .Replace("{position:int}", "1", StringComparison.Ordinal)
            .Replace("{index}", "0", StringComparison.Ordinal),
        UriKind.Relative);

    // The app's own endpoints: not the static files, the Blazor connection or the framework's helpers.
    private IEnumerable<(string Pattern, IReadOnlyList<string> Methods)> AppEndpoints()
    {
        _host.NewClient().Dispose();

        return _host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(e => (
                Pattern: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'),
                Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? (IReadOnlyList<string>)[]))
            .Where(e => !e.Pattern.StartsWith("/_blazor", StringComparison.Ordinal)
                && !e.Pattern.StartsWith("/_framework/", StringComparison.Ordinal)
                && !e.Pattern.StartsWith("/{**", StringComparison.Ordinal));
    }
}
