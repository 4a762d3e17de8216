using System.ComponentModel.DataAnnotations;
using FashionListing.Inference.Imaging;
using Microsoft.Extensions.Configuration;

namespace FashionListing.Tests.Imaging;

public sealed class PhotoLimitsTests
{
    [Fact]
    public void Bind_RepositoryAppSettings_EveryKeyKnownAndValid()
    {
        string appSettings = Path.Combine(RepositoryRoot(), "appsettings.json");
        IConfiguration configuration = new ConfigurationBuilder().AddJsonFile(appSettings).Build();

        PhotoLimits? limits = configuration.GetSection(PhotoLimits.SectionName)
            .Get<PhotoLimits>(options => options.ErrorOnUnknownConfiguration = true);

        Assert.NotNull(limits);
        Assert.Equal(25 * 1024 * 1024, limits.MaxUploadBytes);
        Assert.Equal(50_000_000, limits.MaxPixels);
        Assert.Equal(2048, limits.MaxStoredSide);
        Assert.True(IsValid(limits, []));
    }

    [Fact]
    public void Validate_StoredSideBelowItsRange_FailsNamingTheRange()
    {
        PhotoLimits limits = new() { MaxStoredSide = 100 };
        List<ValidationResult> results = [];

        bool valid = IsValid(limits, results);

        Assert.False(valid);
        ValidationResult result = Assert.Single(results);
        Assert.Equal("Photos:MaxStoredSide must be between 256 and 8192 pixels.", result.ErrorMessage);
    }

    [Fact]
    public void Validate_UploadLimitAboveItsRange_Fails()
    {
        PhotoLimits limits = new() { MaxUploadBytes = 200L * 1024 * 1024 };
        List<ValidationResult> results = [];

        bool valid = IsValid(limits, results);

        Assert.False(valid);
        Assert.Equal([nameof(PhotoLimits.MaxUploadBytes)], Assert.Single(results).MemberNames);
    }

    [Fact]
    public void PhotoDecoder_InvalidLimits_ThrowsAtConstruction()
    {
        PhotoLimits limits = new() { MaxPixels = 0 };

        ValidationException error = Assert.Throws<ValidationException>(() => TestImages.Decoder(limits));

        Assert.Equal("Photos:MaxPixels must be between 1000000 and 100000000 pixels.", error.Message);
    }

    private static bool IsValid(PhotoLimits limits, List<ValidationResult> results) =>
        Validator.TryValidateObject(limits, new ValidationContext(limits), results, validateAllProperties: true);

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
