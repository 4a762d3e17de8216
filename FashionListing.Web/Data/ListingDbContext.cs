using FashionListing.Web.Studies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FashionListing.Web.Data;

/// <summary>
/// The product's SQLite database: the sellers' listing drafts, who stored each photo, each photo's embedding, and
/// the accounts (ASP.NET Core Identity's tables, so that one file and one migration history hold everything).
/// </summary>
public sealed class ListingDbContext(DbContextOptions<ListingDbContext> options, TimeProvider timeProvider)
    : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<ListingDraft> Drafts => Set<ListingDraft>();

    public DbSet<StoredPhoto> Photos => Set<StoredPhoto>();

    public DbSet<ListingStatusChange> StatusChanges => Set<ListingStatusChange>();

    public DbSet<StoredPhotoEmbedding> PhotoEmbeddings => Set<StoredPhotoEmbedding>();

    /// <summary>Cards as sellers left them, unsaved edits included; see <see cref="AutosavedEdit"/>.</summary>
    public DbSet<AutosavedEdit> AutosavedEdits => Set<AutosavedEdit>();

    public DbSet<Study> Studies => Set<Study>();

    public DbSet<StudyPhoto> StudyPhotos => Set<StudyPhoto>();

    public DbSet<StudyParticipant> StudyParticipants => Set<StudyParticipant>();

    public DbSet<StudyTask> StudyTasks => Set<StudyTask>();

    /// <summary>Cards submitted in study tasks: apart from <see cref="Drafts"/>, never in the marketplace.</summary>
    public DbSet<StudyListing> StudyListings => Set<StudyListing>();

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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        var draft = builder.Entity<ListingDraft>();
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

        // No foreign key to the users table: removing an account keeps its drafts and photos for the
        // moderators instead of deleting them with it or refusing the removal.
        draft.Property(d => d.OwnerId).HasMaxLength(450);
        draft.HasIndex(d => d.OwnerId);

        draft.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        draft.Property(d => d.Version).IsConcurrencyToken();
        draft.Property(d => d.RejectionReason).HasConversion<string>().HasMaxLength(32);
        draft.Property(d => d.RejectionNote).HasMaxLength(ListingLimits.RejectionNoteMax);
        draft.HasIndex(d => new { d.Status, d.SubmittedUtc });

        var change = builder.Entity<ListingStatusChange>();
        change.ToTable("ListingStatusChanges");
        change.HasKey(c => c.Id);
        change.Property(c => c.From).HasConversion<string>().HasMaxLength(16);
        change.Property(c => c.To).HasConversion<string>().HasMaxLength(16);
        change.Property(c => c.UserId).HasMaxLength(450);
        change.Property(c => c.Reason).HasConversion<string>().HasMaxLength(32);
        change.Property(c => c.Note).HasMaxLength(ListingLimits.RejectionNoteMax);
        change.HasIndex(c => c.DraftId);
        change.HasIndex(c => new { c.To, c.ChangedUtc });

        // The history outlives nothing it describes: deleting a draft (no page does) removes its rows with it.
        change.HasOne<ListingDraft>().WithMany().HasForeignKey(c => c.DraftId).OnDelete(DeleteBehavior.Cascade);

        var photo = builder.Entity<StoredPhoto>();
        photo.ToTable("StoredPhotos");
        photo.HasKey(p => p.Id);
        photo.Property(p => p.OwnerId).HasMaxLength(450);
        photo.HasIndex(p => p.OwnerId);

        // No foreign key to StoredPhotos: photos from before accounts have no row there but still get embedded.
        var embedding = builder.Entity<StoredPhotoEmbedding>();
        embedding.ToTable("PhotoEmbeddings");
        embedding.HasKey(e => new { e.PhotoId, e.Version });
        embedding.Property(e => e.Version).HasMaxLength(64);
        embedding.HasIndex(e => e.Version);

        // No foreign keys to drafts or photos: a card outlives neither in a way that matters (a page finds the
        // draft gone and says so), and a card must be storable before its listing has any draft at all.
        var autosave = builder.Entity<AutosavedEdit>();
        autosave.ToTable("AutosavedEdits");
        autosave.HasKey(e => e.Id);
        autosave.Property(e => e.OwnerId).HasMaxLength(450);
        autosave.Property(e => e.Page).HasConversion<string>().HasMaxLength(16);
        autosave.HasIndex(e => new { e.OwnerId, e.HasUnsavedChanges, e.UpdatedUtc });
        autosave.HasIndex(e => e.DraftId);
        autosave.Property(e => e.Version).IsConcurrencyToken();

        StudyModel.Configure(builder);
    }

    private void StampTimes()
    {
        DateTime now = timeProvider.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries<ListingDraft>())
        {
            // Every write gets a new version; the one it replaces stays the original value, which EF puts in
            // the UPDATE's WHERE clause, so a write based on an older version changes no row and throws.
            if (entry.State == EntityState.Added)
            {
                entry.Entity.CreatedUtc = now;
                entry.Entity.UpdatedUtc = now;
                entry.Entity.Version = Guid.NewGuid();
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.UpdatedUtc = now;
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }
}
