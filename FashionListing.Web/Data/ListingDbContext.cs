using Microsoft.EntityFrameworkCore;

namespace FashionListing.Web.Data;

/// <summary>The product's SQLite database: the sellers' listing drafts.</summary>
public sealed class ListingDbContext(DbContextOptions<ListingDbContext> options, TimeProvider timeProvider)
    : DbContext(options)
{
    public DbSet<ListingDraft> Drafts => Set<ListingDraft>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampTimes();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(
        bool acceptAllChangesOnSuccess,
        CancellationToken cancellationToken = default)
    {
        StampTimes();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var draft = modelBuilder.Entity<ListingDraft>();
        draft.ToTable("ListingDrafts");
        draft.HasKey(d => d.Id);
        draft.Property(d => d.Mode).HasConversion<string>().HasMaxLength(16);
        draft.Property(d => d.Condition).HasConversion<string>().HasMaxLength(16);
        draft.Property(d => d.Title).HasMaxLength(ListingLimits.TitleMax);
        draft.Property(d => d.Category).HasMaxLength(ListingLimits.CategoryMax);
        draft.Property(d => d.Colour).HasMaxLength(ListingLimits.ColourMax);
        draft.Property(d => d.Description).HasMaxLength(ListingLimits.DescriptionMax);
        draft.Property(d => d.Size).HasMaxLength(ListingLimits.SizeMax);
        draft.Property(d => d.Brand).HasMaxLength(ListingLimits.BrandMax);
        draft.Property(d => d.Currency).HasMaxLength(3);

        // SQLite has no decimal type: EF would store the price as TEXT, which compares and sorts as a
        // string ("9.50" > "10.00") and cannot be summed in SQL. Whole cents in an INTEGER are exact
        // and order correctly; prices are validated to at most two decimals before they get here.
        draft.Property(d => d.Price)
            .HasConversion(
                price => (long)decimal.Round(price * 100m, MidpointRounding.AwayFromZero),
                cents => cents / 100m)
            .HasColumnName("PriceCents");

        draft.HasIndex(d => d.UpdatedUtc);
    }

    private void StampTimes()
    {
        DateTime now = timeProvider.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries<ListingDraft>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.CreatedUtc = now;
                entry.Entity.UpdatedUtc = now;
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.UpdatedUtc = now;
            }
        }
    }
}
