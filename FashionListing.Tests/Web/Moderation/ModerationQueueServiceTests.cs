using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Data;
using FashionListing.Web.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace FashionListing.Tests.Web.Moderation;

/// <summary>The queue's order, filters, next listing and counters, on small fixtures with a hand-set clock.</summary>
public sealed class ModerationQueueServiceTests : IAsyncDisposable
{
    private static readonly DateTimeOffset s_today = new(2026, 12, 4, 0, 0, 0, TimeSpan.Zero);

    private readonly ListingPageContext _context = new(new StubListingSuggester(TestPhotos.TopAndJeans()));

    private ListingDraftService Drafts => _context.Services.GetRequiredService<ListingDraftService>();

    private ModerationQueueService Queue => _context.Services.GetRequiredService<ModerationQueueService>();

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task WaitingAsync_ThreeSubmittedOneDraftOneApproved_OnlyTheSubmittedOldestFirst()
    {
        Guid second = await SubmitAtAsync(s_today.AddHours(2), Manual("Second submitted"));
        Guid first = await SubmitAtAsync(s_today.AddHours(1), Manual("First submitted"));
        Guid third = await SubmitAtAsync(s_today.AddHours(3), Manual("Third submitted"));
        await Drafts.SaveNewAsync(Manual("Never submitted"), _context.Seller);
        Guid approved = await SubmitAtAsync(s_today, Manual("Already approved"));
        await DecideAtAsync(s_today.AddHours(4), approved, approve: true);

        IReadOnlyList<QueueEntry> queue = await Queue.WaitingAsync(new QueueFilter(), _context.Moderator, default);

        Assert.Equal([first, second, third], queue.Select(e => e.Listing.Id));
    }

    [Fact]
    public async Task WaitingAsync_CategoryFilter_OnlyThatCategoryIgnoringCase()
    {
        Guid dress = await SubmitAtAsync(s_today, Manual("Summer dress", category: "Dress"));
        await SubmitAtAsync(s_today.AddMinutes(1), Manual("Wool coat", category: "Coat"));
        await SubmitAtAsync(s_today.AddMinutes(2), Manual("No category at all"));

        IReadOnlyList<QueueEntry> queue =
            await Queue.WaitingAsync(new QueueFilter(Category: "dress"), _context.Moderator, default);

        Assert.Equal([dress], queue.Select(e => e.Listing.Id));
    }

    [Fact]
    public async Task WaitingCategoriesAsync_WaitingListings_DistinctAlphabetical()
    {
        await SubmitAtAsync(s_today, Manual("Wool coat", category: "Coat"));
        await SubmitAtAsync(s_today.AddMinutes(1), Manual("Summer dress", category: "Dress"));
        await SubmitAtAsync(s_today.AddMinutes(2), Manual("Rain coat", category: "coat"));
        await Drafts.SaveNewAsync(Manual("Draft skirt", category: "Skirt"), _context.Seller);

        IReadOnlyList<string> categories = await Queue.WaitingCategoriesAsync(_context.Moderator, default);

        Assert.Equal(["Coat", "Dress"], categories);
    }

    // The jeans (garment 2 of TopAndJeans) were suggested as "Grey jeans", "Trousers", "grey".
    [Fact]
    public async Task WaitingAsync_DisagreementFilter_OnlyTitleCategoryOrColourChanges()
    {
        await SubmitAtAsync(s_today, Jeans("Grey jeans", "trousers ", "Grey", "Worn twice."));
        Guid category = await SubmitAtAsync(s_today.AddMinutes(1), Jeans("Grey jeans", "Jeans", "grey", null));
        Guid colour = await SubmitAtAsync(s_today.AddMinutes(2), Jeans("Grey jeans", "Trousers", "charcoal", null));
        Guid title = await SubmitAtAsync(s_today.AddMinutes(3), Jeans("Grey slim jeans", "Trousers", "grey", null));
        await SubmitAtAsync(s_today.AddMinutes(4), Manual("Made by hand", category: "Trousers"));

        IReadOnlyList<QueueEntry> queue =
            await Queue.WaitingAsync(new QueueFilter(OnlyDisagreements: true), _context.Moderator, default);

        Assert.Equal([category, colour, title], queue.Select(e => e.Listing.Id));
    }

    [Fact]
    public async Task NextAsync_ThreeWaiting_FollowsQueueOrderThenWrapsAround()
    {
        Guid first = await SubmitAtAsync(s_today, Manual("First submitted"));
        Guid second = await SubmitAtAsync(s_today.AddMinutes(1), Manual("Second submitted"));
        Guid third = await SubmitAtAsync(s_today.AddMinutes(2), Manual("Third submitted"));

        Guid? afterFirst = await Queue.NextAsync(first, _context.Moderator, default);
        Guid? afterThird = await Queue.NextAsync(third, _context.Moderator, default);
        Guid? withoutCurrent = await Queue.NextAsync(null, _context.Moderator, default);

        Assert.Equal(second, afterFirst);
        Assert.Equal(first, afterThird);
        Assert.Equal(first, withoutCurrent);
    }

    [Fact]
    public async Task NextAsync_OnlyTheCurrentOneWaits_Null()
    {
        Guid only = await SubmitAtAsync(s_today, Manual("Only one"));

        Assert.Null(await Queue.NextAsync(only, _context.Moderator, default));
    }

    // By hand, with "now" 2026-12-04 09:00 UTC:
    //   coat:  submitted 12-03 21:00, approved 12-04 00:00:00 (first instant of today) -> 3 h
    //   dress: submitted 12-04 02:00, rejected 02:30 -> 30 min; resubmitted 03:00, approved 04:00 -> 1 h
    //   scarf: submitted 12-03 10:00, rejected 12-03 23:59:59 (yesterday: not counted)
    //   skirt, shirt: submitted and waiting
    // Waiting 2, approved today 2, rejected today 1, median of {3 h, 30 min, 1 h} = 1 h.
    [Fact]
    public async Task CountersAsync_HandComputedFixture_MatchesTheHandCount()
    {
        Guid coat = await SubmitAtAsync(s_today.AddHours(-3), Manual("Wool coat"));
        await DecideAtAsync(s_today, coat, approve: true);
        Guid dress = await SubmitAtAsync(s_today.AddHours(2), Manual("Summer dress"));
        await DecideAtAsync(s_today.AddHours(2.5), dress, approve: false);
        await ResubmitAtAsync(s_today.AddHours(3), dress);
        await DecideAtAsync(s_today.AddHours(4), dress, approve: true);
        Guid scarf = await SubmitAtAsync(s_today.AddHours(-14), Manual("Silk scarf"));
        await DecideAtAsync(s_today.AddSeconds(-1), scarf, approve: false);
        await SubmitAtAsync(s_today.AddHours(5), Manual("Pleated skirt"));
        await SubmitAtAsync(s_today.AddHours(-30), Manual("Linen shirt"));
        _context.Clock.SetUtcNow(s_today.AddHours(9));

        ModerationCounters counters = await Queue.CountersAsync(_context.Moderator, default);

        Assert.Equal(new ModerationCounters(2, 2, 1, TimeSpan.FromHours(1), new DateOnly(2026, 12, 4)), counters);
    }

    [Fact]
    public async Task CountersAsync_NoDecisionToday_NoMedian()
    {
        Guid scarf = await SubmitAtAsync(s_today.AddHours(-14), Manual("Silk scarf"));
        await DecideAtAsync(s_today.AddHours(-1), scarf, approve: true);
        _context.Clock.SetUtcNow(s_today.AddHours(9));

        ModerationCounters counters = await Queue.CountersAsync(_context.Moderator, default);

        Assert.Equal(new ModerationCounters(0, 0, 0, null, new DateOnly(2026, 12, 4)), counters);
    }

    [Fact]
    public void Median_EvenCount_MeanOfTheMiddleTwo()
    {
        TimeSpan[] waits = [TimeSpan.FromHours(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(40),
            TimeSpan.FromMinutes(20)];

        Assert.Equal(TimeSpan.FromMinutes(30), ModerationQueueService.Median(waits));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task WaitingAsync_NotAModerator_Throws(bool seller, bool researcher)
    {
        var viewer = new ListingViewer(researcher ? "researcher-1" : ListingPageContext.SellerId, seller, false);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => Queue.WaitingAsync(new QueueFilter(), viewer, default));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Queue.CountersAsync(viewer, default));
    }

    private async Task<Guid> SubmitAtAsync(DateTimeOffset at, ListingDraft draft)
    {
        _context.Clock.SetUtcNow(at);
        var written = Assert.IsType<ListingWriteResult.Written>(
            await Drafts.SubmitAsync(draft, _context.Seller, default));
        return written.Id;
    }

    private async Task ResubmitAtAsync(DateTimeOffset at, Guid id)
    {
        _context.Clock.SetUtcNow(at);
        ListingDraft stored = (await Drafts.FindAsync(id, _context.Seller, default))!;
        Assert.IsType<ListingWriteResult.Written>(await Drafts.SubmitAsync(stored, _context.Seller, default));
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

    private static ListingDraft Manual(string title, string? category = null) => new()
    {
        Mode = ListingMode.Manual,
        Title = title,
        Category = category,
        Condition = ItemCondition.Good,
        Price = 20m,
    };

    private static ListingDraft Jeans(string title, string category, string colour, string? description) => new()
    {
        Mode = ListingMode.Automated,
        Title = title,
        Category = category,
        Colour = colour,
        Description = description,
        Attributes = ["jeans"],
        Condition = ItemCondition.Good,
        Price = 30m,
        SuggestionJson = SuggestionSnapshot.From(TestPhotos.TopAndJeans(), 1).ToJson(),
    };
}
