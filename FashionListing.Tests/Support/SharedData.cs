namespace FashionListing.Tests.Support;

/// <summary>
/// Finds the read-only <c>shared</c> folder (real photos, reference masks, the Fashionpedia
/// taxonomy) that sits beside the repository. Tests that need it fail with a clear message when
/// it is missing; they never pass by skipping.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> s_root = new(Locate);

    /// <summary>The shared folder, or an exception that tells how to provide it.</summary>
    public static string Root => s_root.Value ?? throw new InvalidOperationException(
        "The shared data folder was not found. Tests that use real photos need the read-only 'shared' "
        + "folder beside the repository (../shared, holding clothing-dataset/ and fashionpedia/), "
        + "or its path in the environment variable FASHIONLISTING_SHARED.");

    public static string ClothingDataset => Path.Combine(Root, "clothing-dataset");

    public static string Fashionpedia => Path.Combine(Root, "fashionpedia");

    public static string ClothingPhoto(string image) => Path.Combine(ClothingDataset, "images", image + ".jpg");

    public static string ReferenceMask(string image) => Path.Combine(ClothingDataset, "masks", image + ".png");

    private static string? Locate()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("FASHIONLISTING_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        // Walk up from the test binaries (…/FashionListing.Tests/bin/Debug/net10.0) to the folder
        // that holds both the repository and shared/.
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "clothing-dataset")))
            {
                return candidate;
            }
        }

        return null;
    }
}
