using Bunit;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Components.Pages.Moderation;
using FashionListing.Web.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FashionListing.Tests.Web.Components.Pages.Moderation;

/// <summary>The queue page: its counters on a hand-counted fixture, its rows, and its filters.</summary>
public sealed class WaitingListingsTests : IAsyncDisposable
{
    private static readonly DateTimeOffset s_today = new(2026, 12, 4, 0, 0, 0, TimeSpan.Zero);

    private readonly ListingPageContext _context = new(new StubListingSuggester(TestPhotos.TopAndJeans()));

    private ListingDraftService Drafts => _context.Services.GetRequiredService<ListingDraftService>();

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    // By hand, "now" 2026-12-04 10:00 UTC: the coat waited 1 h (submitted 08:00, approved 09:00), the dress
    // 20 min (submitted 08:30, rejected 08:50), the shirt was approved yesterday; the jeans and the skirt wait.
    // Waiting 2, approved today 1, rejected today 1, median of {1 h, 20 min} = 40 min = 2400 s.
    [Fact]
    public async Task Counters_HandCountedFixture_ShownAboveTheQueue()
    {
        Guid coat = await SubmitAtAsync(s_today.AddHours(8), Manual("Wool coat", "Coat"));
        await DecideAtAsync(s_today.AddHours(9), coat, approve: true);
        Guid dress = await SubmitAtAsync(s_today.AddHours(8.5), Manual("Summer dress", "Dress"));
        await DecideAtAsync(s_today.AddHours(8.5).AddMinutes(20), dress, approve: false);
        Guid shirt = await SubmitAtAsync(s_today.AddHours(-5), Manual("Linen shirt", "Shirt"));
        await DecideAtAsync(s_today.AddHours(-4), shirt, approve: true);
        await SubmitAtAsync(s_today.AddHours(7), Manual("Grey jeans", "Trousers"));
        await SubmitAtAsync(s_today.AddHours(6), Manual("Pleated skirt", "Skirt"));
        _context.Clock.SetUtcNow(s_today.AddHours(10));
        _context.SignInAsModerator();

        var page = _context.Render<WaitingListings>();

        page.WaitForElement("[data-testid=counters]");
        Assert.Equal("2", Counter(page, "waiting"));
        Assert.Equal("1", Counter(page, "approved"));
        Assert.Equal("1", Counter(page, "rejected"));
        Assert.Equal("2400", Counter(page, "median"));
        Assert.Contains("40 min", page.Find("[data-testid=counter-median]").TextContent, StringComparison.Ordinal);
        string day = page.Find("[data-testid=counters-day]").TextContent;
        Assert.Contains("2026-12-04 in UTC", day, StringComparison.Ordinal);
        var rows = page.FindAll("[data-testid=queue-title]");
        Assert.Equal(["Pleated skirt", "Grey jeans"], rows.Select(r => r.TextContent.Trim()));
        Assert.Contains(
            "submitted 2026-12-04 06:00 UTC, waiting 4 h 0 min",
            page.FindAll("[data-testid=queue-row]")[0].TextContent,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisagreementFilter_Set_ListsOnlyDisagreeingListingsAndNamesTheFields()
    {
        string json = SuggestionSnapshot.From(TestPhotos.TopAndJeans(), 1).ToJson();
        await SubmitAtAsync(s_today, Jeans("Grey jeans", "Trousers", json));
        await SubmitAtAsync(s_today.AddMinutes(1), Jeans("Grey jeans", "Skirt", json));
        _context.SignInAsModerator();

        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("moderation?disagree=true");

        var page = _context.Render<WaitingListings>();

        var row = Assert.Single(page.WaitForElements("[data-testid=queue-row]"));
        Assert.Contains(
            "Model and seller disagree: category",
            row.QuerySelector("[data-testid=disagrees]")!.TextContent,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisagreementSwitch_TurnedOn_PutsTheFilterInTheAddress()
    {
        await SubmitAtAsync(s_today, Manual("Wool coat", "Coat"));
        _context.SignInAsModerator();
        var page = _context.Render<WaitingListings>();

        page.WaitForElement("input[data-testid=disagree-filter]").Change(true);

        Assert.EndsWith(
            "moderation?disagree=True",
            _context.Services.GetRequiredService<NavigationManager>().Uri,
            StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CategoryFilter_Set_ListsOnlyThatCategory()
    {
        await SubmitAtAsync(s_today, Manual("Wool coat", "Coat"));
        await SubmitAtAsync(s_today.AddMinutes(1), Manual("Summer dress", "Dress"));
        _context.SignInAsModerator();

        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("moderation?category=Dress");

        var page = _context.Render<WaitingListings>();

        var title = Assert.Single(page.WaitForElements("[data-testid=queue-title]"));
        Assert.Equal("Summer dress", title.TextContent.Trim());
    }

    [Fact]
    public void Queue_NothingWaiting_SaysSo()
    {
        _context.SignInAsModerator();

        var page = _context.Render<WaitingListings>();

        Assert.Equal(
            "No listing is waiting for review.",
            page.WaitForElement("[data-testid=queue-empty]").TextContent.Trim());
    }

    private static string? Counter(IRenderedComponent<WaitingListings> page, string name) =>
        page.Find($"[data-testid=counter-{name}]").GetAttribute("data-value");

    private async Task<Guid> SubmitAtAsync(DateTimeOffset at, ListingDraft draft)
    {
        _context.Clock.SetUtcNow(at);
        ListingWriteResult result = await Drafts.SubmitAsync(draft, _context.Seller, default);
        return Assert.IsType<ListingWriteResult.Written>(result).Id;
    }

    private async Task DecideAtAsync(DateTimeOffset at, Guid id, bool approve)
    {
        _context.Clock.SetUtcNow(at);
        Guid version = (await Drafts.FindAsync(id, _context.Moderator, default))!.Version;
        ListingWriteResult result = approve
            ? await Drafts.ApproveAsync(id, version, _context.Moderator, default)
            : await Drafts.RejectAsync(id, version, _context.Moderator, RejectionReason.WrongCategory, null, default);
        Assert.IsType<ListingWriteResult.Written>(result);
    }

    private static ListingDraft Manual(string title, string category) => new()
    {
        Mode = ListingMode.Manual,
        Title = title,
        Category = category,
        Condition = ItemCondition.Good,
        Price = 20m,
    };

    private static ListingDraft Jeans(string title, string category, string json) => new()
    {
        Mode = ListingMode.Automated,
        Title = title,
        Category = category,
        Colour = "grey",
        Attributes = ["jeans"],
        Condition = ItemCondition.Good,
        Price = 30m,
        SuggestionJson = json,
    };
}
