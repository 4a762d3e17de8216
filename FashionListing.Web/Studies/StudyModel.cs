using System.Text.Json;
using FashionListing.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FashionListing.Web.Studies;

/// <summary>The study tables of <see cref="ListingDbContext"/>; none of them refers to the drafts' tables.</summary>
public static class StudyModel
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static void Configure(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var study = builder.Entity<Study>();
        study.ToTable("Studies");
        study.HasKey(s => s.Id);
        study.Property(s => s.Name).HasMaxLength(StudyLimits.NameMax);
        study.Property(s => s.CreatedBy).HasMaxLength(450);
        study.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        study.Property(s => s.OrderRule).HasConversion<string>().HasMaxLength(16);
        study.Property(s => s.InstructionsA).HasMaxLength(StudyLimits.InstructionsMax);
        study.Property(s => s.InstructionsB).HasMaxLength(StudyLimits.InstructionsMax);
        study.Property(s => s.SharedToken).HasMaxLength(64);
        study.HasIndex(s => s.SharedToken).IsUnique();
        study.Ignore(s => s.ExclusionRule);
        study.HasMany(s => s.Photos).WithOne().HasForeignKey(p => p.StudyId).OnDelete(DeleteBehavior.Cascade);
        study.HasMany(s => s.Participants).WithOne().HasForeignKey(p => p.StudyId).OnDelete(DeleteBehavior.Cascade);

        var photo = builder.Entity<StudyPhoto>();
        photo.ToTable("StudyPhotos");
        photo.HasKey(p => p.Id);
        photo.HasIndex(p => new { p.StudyId, p.Position }).IsUnique();

        var participant = builder.Entity<StudyParticipant>();
        participant.ToTable("StudyParticipants");
        participant.HasKey(p => p.Id);
        participant.Property(p => p.Token).HasMaxLength(64);
        participant.HasIndex(p => p.Token).IsUnique();
        participant.Property(p => p.Code).HasMaxLength(16);
        participant.HasIndex(p => new { p.StudyId, p.Index }).IsUnique();
        participant.Property(p => p.Order).HasConversion<string>().HasMaxLength(8);
        participant.HasMany(p => p.Tasks).WithOne().HasForeignKey(t => t.ParticipantId)
            .OnDelete(DeleteBehavior.Cascade);

        var task = builder.Entity<StudyTask>();
        task.ToTable("StudyTasks");
        task.HasKey(t => t.Id);
        task.HasIndex(t => new { t.ParticipantId, t.Position }).IsUnique();
        task.Property(t => t.Flow).HasConversion<string>().HasMaxLength(1);
        task.Property(t => t.Outcome).HasConversion<string>().HasMaxLength(16);
        task.Property(t => t.FieldEdits).HasConversion(
            Json<Dictionary<string, int>>(),
            new ValueComparer<Dictionary<string, int>>(
                (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                d => d.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                d => new Dictionary<string, int>(d)));

        var listing = builder.Entity<StudyListing>();
        listing.ToTable("StudyListings");
        listing.HasKey(l => l.Id);
        listing.HasIndex(l => l.TaskId).IsUnique();
        listing.HasOne<StudyTask>().WithOne().HasForeignKey<StudyListing>(l => l.TaskId)
            .OnDelete(DeleteBehavior.Cascade);
        listing.Property(l => l.Title).HasMaxLength(ListingLimits.TitleMax);
        listing.Property(l => l.Category).HasMaxLength(ListingLimits.CategoryMax);
        listing.Property(l => l.Colour).HasMaxLength(ListingLimits.ColourMax);
        listing.Property(l => l.Description).HasMaxLength(ListingLimits.DescriptionMax);
        listing.Property(l => l.Size).HasMaxLength(ListingLimits.SizeMax);
        listing.Property(l => l.Brand).HasMaxLength(ListingLimits.BrandMax);
        listing.Property(l => l.Condition).HasConversion<string>().HasMaxLength(16);

        // As for drafts: whole cents in an INTEGER, because SQLite has no decimal type.
        listing.Property(l => l.Price)
            .HasConversion(
                price => (long)decimal.Round(price * 100m, MidpointRounding.AwayFromZero),
                cents => cents / 100m)
            .HasColumnName("PriceCents");
    }

    // Lists of strings and numbers are EF's primitive collections (JSON in a TEXT column); a dictionary is not.
    private static ValueConverter<T, string> Json<T>() =>
        new(value => JsonSerializer.Serialize(value, s_json), text => JsonSerializer.Deserialize<T>(text, s_json)!);
}

/// <summary>Limits of the study settings, shared by the schema and the validation.</summary>
public static class StudyLimits
{
    public const int NameMax = 120;

    public const int InstructionsMax = 2000;

    /// <summary>The most personal links one request makes.</summary>
    public const int MaxInvitationsPerRequest = 500;

    /// <summary>A study lists one photo (both tasks) or two (one per task position).</summary>
    public const int MaxPhotos = 2;

    /// <summary>The longest time limit a rule accepts: one day, in seconds.</summary>
    public const double MaxTaskSeconds = 24 * 60 * 60;
}
