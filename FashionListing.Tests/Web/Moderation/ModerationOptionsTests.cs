using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using FashionListing.Inference.Similarity;
using FashionListing.Web.Moderation;
using Microsoft.Extensions.Configuration;

namespace FashionListing.Tests.Web.Moderation;

public sealed partial class ModerationOptionsTests
{
    [Fact]
    public void Defaults_AreTheRecipeAndSettingTheTuningReportChose()
    {
        string report = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "duplicates", "report.md"));

        Match chosen = ChosenSetting().Match(report);

        Assert.True(chosen.Success, "docs/duplicates/report.md names no chosen setting.");
        Assert.Equal(
            ModerationOptions.DefaultDuplicateSimilarity,
            double.Parse(chosen.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Contains($"- Chosen recipe: `{PhotoEmbeddingRecipe.Default.Version}`", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_RepositoryAppSettings_GivesTheDefaultsAndIsValid()
    {
        string appSettings = Path.Combine(RepositoryRoot(), "appsettings.json");
        IConfiguration configuration = new ConfigurationBuilder().AddJsonFile(appSettings).Build();

        ModerationOptions? options = configuration.GetSection(ModerationOptions.SectionName)
            .Get<ModerationOptions>(o => o.ErrorOnUnknownConfiguration = true);

        Assert.NotNull(options);
        Assert.Equal(ModerationOptions.DefaultDuplicateSimilarity, options.DuplicateSimilarity);
        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], true));
    }

    [Theory]
    [InlineData(0.49)]
    [InlineData(1.01)]
    public void Validate_SimilarityOutsideHalfToOne_Fails(double similarity)
    {
        ModerationOptions options = new() { DuplicateSimilarity = similarity };
        List<ValidationResult> results = [];

        bool valid = Validator.TryValidateObject(options, new ValidationContext(options), results, true);

        Assert.False(valid);
        Assert.Contains(nameof(ModerationOptions.DuplicateSimilarity), results[0].MemberNames);
    }

    [GeneratedRegex(@"rounded down to 0\.01 for the setting: \*\*(\d\.\d\d)\*\*")]
    private static partial Regex ChosenSetting();

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FashionListing.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No FashionListing.sln above {AppContext.BaseDirectory}.");
    }
}
