using System.Net;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Data;
using FashionListing.Web.Photos;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace FashionListing.Tests.Web.Moderation;

/// <summary>
/// The moderators' pages and the sellers' status views through real HTTP requests with real sign-ins:
/// anonymous, the listing's seller, another seller, a researcher and a moderator.
/// </summary>
public sealed class ModerationAccessTests : IDisposable
{
    private const string Title = "Camel wool coat for review";

    private readonly AppTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("/moderation")]
    [InlineData("/moderation/5c6f1b1e-0000-4000-8000-000000000000")]
    public async Task ModerationPage_Anonymous_RedirectsToSignIn(string page)
    {
        using HttpClient client = _host.NewClient();

        using HttpResponseMessage response = await client.GetAsync(new Uri(page, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData(AccountRoles.Seller)]
    [InlineData(AccountRoles.Researcher)]
    public async Task QueuePage_SellerOrResearcher_AccessDeniedWithoutTheListing(string role)
    {
        string seller = await _host.CreateAccountAsync(AccountRoles.Seller, "owner@sellers.test");
        await SubmitAsync(seller);
        await _host.CreateAccountAsync(role, "someone@fashionlisting.test");
        using HttpClient client = await _host.SignedInClientAsync("someone@fashionlisting.test");

        string page = await DeniedPageAsync(client, "/moderation");

        Assert.DoesNotContain(Title, page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("owner@sellers.test")]
    [InlineData("other@sellers.test")]
    [InlineData("researcher@fashionlisting.test")]
    public async Task ReviewPage_AnyoneButAModerator_AccessDeniedWithoutTheListing(string email)
    {
        string seller = await _host.CreateAccountAsync(AccountRoles.Seller, "owner@sellers.test");
        await _host.CreateAccountAsync(AccountRoles.Seller, "other@sellers.test");
        await _host.CreateAccountAsync(AccountRoles.Researcher, "researcher@fashionlisting.test");
        Guid id = await SubmitAsync(seller);
        using HttpClient client = await _host.SignedInClientAsync(email);

        string page = await DeniedPageAsync(client, ReviewUrl(id));

        Assert.DoesNotContain(Title, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueuePage_Moderator_ListsTheSubmittedListingWithItsCounters()
    {
        string seller = await _host.CreateAccountAsync(AccountRoles.Seller, "owner@sellers.test");
        Guid id = await SubmitAsync(seller);
        await SaveAsync(seller, "Draft that was never submitted", null);
        using HttpClient moderator = await ModeratorAsync();

        using HttpResponseMessage response = await moderator.GetAsync(new Uri("/moderation", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string page = await response.Content.ReadAsStringAsync();
        Assert.Contains(Title, page, StringComparison.Ordinal);
        Assert.Contains($"href=\"moderation/{id:D}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Draft that was never submitted", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"counter-waiting\" data-value=\"1\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueuePage_DisagreementFilterInTheAddress_OnlyTheListingWhoseCategoryWasChanged()
    {
        string seller = await _host.CreateAccountAsync(AccountRoles.Seller, "owner@sellers.test");
        string json = SuggestionSnapshot.From(TestPhotos.TopAndJeans(), 1).ToJson();
        await SubmitAsync(seller, "Grey jeans", json, category: "Trousers", colour: "grey");
        await SubmitAsync(seller, "Grey jeans, but a skirt", json, category: "Skirt", colour: "grey");
        using HttpClient moderator = await ModeratorAsync();

        string all = await moderator.GetStringAsync(new Uri("/moderation", UriKind.Relative));
        string filtered = await moderator.GetStringAsync(new Uri("/moderation?disagree=true", UriKind.Relative));

        Assert.Contains("Grey jeans</", all, StringComparison.Ordinal);
        Assert.Contains("Grey jeans, but a skirt", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Grey jeans</", filtered, StringComparison.Ordinal);
        Assert.Contains("Grey jeans, but a skirt", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueuePage_CategoryFilterInTheAddress_OnlyThatCategory()
    {
        string seller = await _host.CreateAccountAsync(AccountRoles.Seller, "owner@sellers.test");
        await SubmitAsync(seller, "Pleated midi skirt", null, category: "Skirt");
        await SubmitAsync(seller, "Double-breasted coat", null, category: "Coat");
        using HttpClient moderator = await ModeratorAsync();

        string page = await moderator.GetStringAsync(new Uri("/moderation?category=skirt", UriKind.Relative));

        Assert.Contains("Pleated midi skirt", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Double-breasted coat", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewPage_Moderator_ShowsTheListingTheComparisonAndTheDecisions()
    {
        string seller = await _host.CreateAccountAsync(AccountRoles.Seller, "owner@sellers.test");
        string json = SuggestionSnapshot.From(TestPhotos.TopAndJeans(), 1).ToJson();
        Guid id = await SubmitAsync(seller, Title, json, category: "Trousers", colour: "grey");
        using HttpClient moderator = await ModeratorAsync();

        using HttpResponseMessage response = await moderator.GetAsync(new Uri(ReviewUrl(id), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string page = await response.Content.ReadAsStringAsync();
        Assert.Contains(Title, page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"comparison\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"approve\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"shortcuts\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewPage_ModeratorWithAnUnknownId_Returns404()
    {
        using HttpClient moderator = await ModeratorAsync();

        using HttpResponseMessage response =
            await moderator.GetAsync(new Uri(ReviewUrl(Guid.NewGuid()), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DraftsPage_Seller_ShowsEachDraftsStatus()
    {
        string seller = await _host.CreateAccountAsync(AccountRoles.Seller, "owner@sellers.test");
        await SubmitAsync(seller);
        await SaveAsync(seller, "Still a draft", null);
        using HttpClient client = await _host.SignedInClientAsync("owner@sellers.test");

        string page = await client.GetStringAsync(new Uri("/drafts", UriKind.Relative));

        Assert.Contains("data-status=\"submitted\"", page, StringComparison.Ordinal);
        Assert.Contains("data-status=\"draft\"", page, StringComparison.Ordinal);
        Assert.Contains("Waiting for review", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftPage_OwnSubmittedListing_ReadOnlyWithoutTheCard()
    {
        string seller = await _host.CreateAccountAsync(AccountRoles.Seller, "owner@sellers.test");
        Guid id = await SubmitAsync(seller);
        using HttpClient client = await _host.SignedInClientAsync("owner@sellers.test");

        string page = await client.GetStringAsync(new Uri("/drafts/" + id.ToString("D"), UriKind.Relative));

        Assert.Contains(Title, page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"read-only\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"listing-card\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftPage_OwnRejectedListing_ShowsTheReasonAndTheEditableCard()
    {
        string seller = await _host.CreateAccountAsync(AccountRoles.Seller, "owner@sellers.test");
        Guid id = await SubmitAsync(seller);
        var drafts = _host.Services.GetRequiredService<ListingDraftService>();
        var moderator = new ListingViewer("moderator-1", IsSeller: false, IsModerator: true);
        ListingDraft submitted = (await drafts.FindAsync(id, moderator, default))!;
        Assert.IsType<ListingWriteResult.Written>(await drafts.RejectAsync(
            id, submitted.Version, moderator, RejectionReason.MisleadingDescription, "Say the lining is torn.",
            default));
        using HttpClient client = await _host.SignedInClientAsync("owner@sellers.test");

        string page = await client.GetStringAsync(new Uri("/drafts/" + id.ToString("D"), UriKind.Relative));

        Assert.Contains("data-status=\"rejected\"", page, StringComparison.Ordinal);
        Assert.Contains("Reason: Misleading description", page, StringComparison.Ordinal);
        Assert.Contains("Say the lining is torn.", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"listing-card\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"submit-for-review\"", page, StringComparison.Ordinal);
    }

    private async Task<HttpClient> ModeratorAsync()
    {
        await _host.CreateAccountAsync(AccountRoles.Moderator, "moderator@fashionlisting.test");
        return await _host.SignedInClientAsync("moderator@fashionlisting.test");
    }

    // The page redirects to the access-denied page, which answers 403.
    private static async Task<string> DeniedPageAsync(HttpClient client, string url)
    {
        using HttpResponseMessage response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
        using HttpResponseMessage denied = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        string body = await response.Content.ReadAsStringAsync() + await denied.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"access-denied\"", body, StringComparison.Ordinal);

        return body;
    }

    private Task<Guid> SubmitAsync(string sellerId) => SubmitAsync(sellerId, Title, null);

    private async Task<Guid> SubmitAsync(
        string sellerId,
        string title,
        string? json,
        string? category = null,
        string? colour = null)
    {
        ListingDraft draft = await NewDraftAsync(sellerId, title, json, category, colour);
        ListingWriteResult result = await _host.Services.GetRequiredService<ListingDraftService>()
            .SubmitAsync(draft, Seller(sellerId), default);

        return Assert.IsType<ListingWriteResult.Written>(result).Id;
    }

    private async Task<Guid> SaveAsync(string sellerId, string title, string? json)
    {
        ListingDraft draft = await NewDraftAsync(sellerId, title, json, null, null);
        return await _host.Services.GetRequiredService<ListingDraftService>().SaveNewAsync(draft, Seller(sellerId));
    }

    private async Task<ListingDraft> NewDraftAsync(
        string sellerId,
        string title,
        string? json,
        string? category,
        string? colour)
    {
        Guid photo = await _host.Services.GetRequiredService<PhotoStore>()
            .SaveAsync(TestPhotos.Jpeg(SKColors.Orange), sellerId, CancellationToken.None);

        return new ListingDraft
        {
            Mode = json is null ? ListingMode.Manual : ListingMode.Automated,
            Title = title,
            Category = category,
            Colour = colour,
            Condition = ItemCondition.LikeNew,
            Price = 85m,
            PhotoId = photo,
            SuggestionJson = json,
        };
    }

    private static ListingViewer Seller(string id) => new(id, IsSeller: true, IsModerator: false);

    private static string ReviewUrl(Guid id) => "/moderation/" + id.ToString("D");
}
