using System.Data.Common;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FashionListing.Tests.Web.Data;

/// <summary>
/// Two writes based on the same version of a listing: the second is refused with
/// <see cref="ListingWriteResult.ChangedElsewhere"/> and the first stays, whoever wrote them.
/// </summary>
public sealed class ListingConcurrencyTests : IAsyncDisposable
{
    private readonly ListingPageContext _context = new(new StubListingSuggester(TestPhotos.TopAndJeans()));

    private ListingDraftService Service => _context.Services.GetRequiredService<ListingDraftService>();

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task SaveAsync_TwoTabsSaveTheSameVersion_SecondIsRefusedAndTheFirstStays()
    {
        ListingDraft loaded = await SavedAsync("Linen shirt");
        ListingDraft firstTab = Edit(loaded, "Linen shirt from tab one");
        ListingDraft secondTab = Edit(loaded, "Linen shirt from tab two");

        ListingWriteResult first = await Service.SaveAsync(firstTab, _context.Seller, default);
        ListingWriteResult second = await Service.SaveAsync(secondTab, _context.Seller, default);

        Assert.IsType<ListingWriteResult.Written>(first);
        Assert.Equal(new ListingWriteResult.ChangedElsewhere(loaded.Id), second);
        Assert.Equal("Linen shirt from tab one", (await StoredAsync(loaded.Id)).Title);
    }

    [Fact]
    public async Task SubmitAsync_SecondTabSubmitsAfterTheFirstSaved_RefusedAndNotSubmitted()
    {
        ListingDraft loaded = await SavedAsync("Linen shirt");
        Assert.IsType<ListingWriteResult.Written>(
            await Service.SaveAsync(Edit(loaded, "Linen shirt from tab one"), _context.Seller, default));

        ListingWriteResult second =
            await Service.SubmitAsync(Edit(loaded, "Linen shirt from tab two"), _context.Seller, default);

        Assert.IsType<ListingWriteResult.ChangedElsewhere>(second);
        ListingDraft stored = await StoredAsync(loaded.Id);
        Assert.Equal(ListingStatus.Draft, stored.Status);
        Assert.Equal("Linen shirt from tab one", stored.Title);
        Assert.Empty(await HistoryAsync(loaded.Id));
    }

    // Moderator first: the seller's other tab still holds the card from before submitting. The listing is
    // editable again once rejected, so only the version stops that tab from overwriting it unseen.
    [Fact]
    public async Task SaveAsync_StaleTabAfterTheModeratorRejected_RefusedAndTheRejectionStays()
    {
        ListingDraft beforeSubmit = await SavedAsync("Denim jacket");
        var submitted = Assert.IsType<ListingWriteResult.Written>(
            await Service.SubmitAsync(Edit(beforeSubmit, "Denim jacket"), _context.Seller, default));
        Assert.IsType<ListingWriteResult.Written>(await Service.RejectAsync(
            beforeSubmit.Id, submitted.Version, _context.Moderator, RejectionReason.WrongCategory, null, default));

        ListingWriteResult stale =
            await Service.SaveAsync(Edit(beforeSubmit, "Edited in the old tab"), _context.Seller, default);

        Assert.IsType<ListingWriteResult.ChangedElsewhere>(stale);
        ListingDraft stored = await StoredAsync(beforeSubmit.Id);
        Assert.Equal(ListingStatus.Rejected, stored.Status);
        Assert.Equal("Denim jacket", stored.Title);
        Assert.Equal(RejectionReason.WrongCategory, stored.RejectionReason);
    }

    // Seller first: a moderator opened the listing, another rejected it and the seller changed and resubmitted
    // it. The first moderator's approval names the version they saw, so it cannot approve text they never read.
    [Fact]
    public async Task ApproveAsync_SellerChangedAndResubmittedSinceThePageLoaded_RefusedAndStillWaiting()
    {
        ListingDraft seen = await SubmittedAsync("Denim jacket");
        var rejected = Assert.IsType<ListingWriteResult.Written>(await Service.RejectAsync(
            seen.Id, seen.Version, new ListingViewer("moderator-2", false, true), RejectionReason.Other, "Blurry",
            default));
        ListingDraft afterRejection = await StoredAsync(seen.Id);
        Assert.Equal(rejected.Version, afterRejection.Version);
        Assert.IsType<ListingWriteResult.Written>(
            await Service.SubmitAsync(Edit(afterRejection, "Denim jacket, sharp photo"), _context.Seller, default));

        ListingWriteResult approval = await Service.ApproveAsync(seen.Id, seen.Version, _context.Moderator, default);

        Assert.IsType<ListingWriteResult.ChangedElsewhere>(approval);
        ListingDraft stored = await StoredAsync(seen.Id);
        Assert.Equal(ListingStatus.Submitted, stored.Status);
        Assert.Equal("Denim jacket, sharp photo", stored.Title);
        Assert.DoesNotContain(await HistoryAsync(seen.Id), c => c.To == ListingStatus.Approved);
    }

    // Seller first, the other way round: the seller's stale tab fails, and the moderator's decision on the
    // version they saw still goes through.
    [Fact]
    public async Task RejectAsync_AfterTheSellersStaleTabWasRefused_Recorded()
    {
        ListingDraft beforeSubmit = await SavedAsync("Denim jacket");
        var submitted = Assert.IsType<ListingWriteResult.Written>(
            await Service.SubmitAsync(Edit(beforeSubmit, "Denim jacket"), _context.Seller, default));
        Assert.IsType<ListingWriteResult.ChangedElsewhere>(
            await Service.SaveAsync(Edit(beforeSubmit, "Edited in the old tab"), _context.Seller, default));

        ListingWriteResult decision = await Service.RejectAsync(
            beforeSubmit.Id, submitted.Version, _context.Moderator, RejectionReason.ProhibitedItem, null, default);

        Assert.Equal(ListingStatus.Rejected, Assert.IsType<ListingWriteResult.Written>(decision).Status);
        Assert.Equal("Denim jacket", (await StoredAsync(beforeSubmit.Id)).Title);
    }

    // The version is checked when the listing is loaded; a write that lands between that check and the
    // UPDATE is caught by the concurrency token in the UPDATE's WHERE clause.
    [Fact]
    public async Task SaveAsync_AnotherWriteBetweenLoadAndUpdate_RefusedByTheDatabase()
    {
        ListingDraft loaded = await SavedAsync("Linen shirt");
        string file = new SqliteConnectionStringBuilder(
            _context.CreateDbContext().Database.GetConnectionString()).DataSource;
        var racing = new RacingWrite(file, loaded.Id);
        var factory = new InterceptedFactory(file, racing, _context.Clock);
        var service = new ListingDraftService(factory, _context.Clock, NullLogger<ListingDraftService>.Instance);

        ListingWriteResult result = await service.SaveAsync(Edit(loaded, "Lost update"), _context.Seller, default);

        Assert.True(racing.Ran, "the racing write did not run, so the test proves nothing");
        Assert.IsType<ListingWriteResult.ChangedElsewhere>(result);
        ListingDraft stored = await StoredAsync(loaded.Id);
        Assert.Equal("Written by the race", stored.Title);
        Assert.Equal(RacingWrite.Version, stored.Version);
    }

    private async Task<ListingDraft> SavedAsync(string title)
    {
        Guid id = await Service.SaveNewAsync(Draft(title), _context.Seller);
        return await StoredAsync(id);
    }

    private async Task<ListingDraft> SubmittedAsync(string title)
    {
        var written = Assert.IsType<ListingWriteResult.Written>(
            await Service.SubmitAsync(Draft(title), _context.Seller, default));
        return await StoredAsync(written.Id);
    }

    private async Task<ListingDraft> StoredAsync(Guid id)
    {
        await using ListingDbContext db = _context.CreateDbContext();
        return await db.Drafts.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    private async Task<IReadOnlyList<ListingStatusChange>> HistoryAsync(Guid id)
    {
        await using ListingDbContext db = _context.CreateDbContext();
        return await db.StatusChanges.AsNoTracking().Where(c => c.DraftId == id).ToListAsync();
    }

    private static ListingDraft Edit(ListingDraft loaded, string title) => new()
    {
        Id = loaded.Id,
        Version = loaded.Version,
        Mode = loaded.Mode,
        Title = title,
        Condition = loaded.Condition,
        Price = loaded.Price,
    };

    private static ListingDraft Draft(string title) => new()
    {
        Mode = ListingMode.Manual,
        Title = title,
        Condition = ItemCondition.Good,
        Price = 20m,
    };

    /// <summary>Just before the service's UPDATE, writes the same listing once over a connection of its own.</summary>
    private sealed class RacingWrite(string file, Guid id) : SaveChangesInterceptor
    {
        public static readonly Guid Version = Guid.Parse("0badc0de-0000-4000-8000-000000000001");

        public bool Ran { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData,
            InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (!Ran)
            {
                Ran = true;
                await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
                await connection.OpenAsync(cancellationToken);
                await using DbCommand command = connection.CreateCommand();
                command.CommandText = "UPDATE ListingDrafts SET Title = 'Written by the race', Version = $version "
                    + "WHERE Id = $id";
                command.Parameters.Add(new SqliteParameter("$version", Version.ToString("D").ToUpperInvariant()));
                command.Parameters.Add(new SqliteParameter("$id", id.ToString("D").ToUpperInvariant()));
                Assert.Equal(1, await command.ExecuteNonQueryAsync(cancellationToken));
            }

            return result;
        }
    }

    private sealed class InterceptedFactory(string file, RacingWrite racing, TimeProvider clock)
        : IDbContextFactory<ListingDbContext>
    {
        public ListingDbContext CreateDbContext() => new(
            new DbContextOptionsBuilder<ListingDbContext>()
                .UseSqlite($"Data Source={file}")
                .AddInterceptors(racing)
                .Options,
            clock);
    }
}
