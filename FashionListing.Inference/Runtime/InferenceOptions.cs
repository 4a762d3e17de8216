using System.ComponentModel.DataAnnotations;

namespace FashionListing.Inference.Runtime;

/// <summary>Settings of the "Inference" section: which model runs and where.</summary>
public sealed class InferenceOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Inference";

    /// <summary>
    /// Folder of the starter model's heads, manifest and taxonomy. A relative path is resolved
    /// against the application's own folder, where the build copies the committed model.
    /// </summary>
    [Required]
    public string ModelFolder { get; set; } = "models/starter";

    /// <summary>
    /// Folder of the pretrained backbone's ONNX files, copied there by the build from the
    /// Microsoft.ML.DnnImageFeaturizer.ResNet18 package. Relative paths as for <see cref="ModelFolder"/>.
    /// </summary>
    [Required]
    public string BackboneFolder { get; set; } = "models/backbone";

    /// <summary>Which ONNX Runtime execution provider to use.</summary>
    public ExecutionProviderChoice ExecutionProvider { get; set; } = ExecutionProviderChoice.Auto;

    /// <summary>Threads ONNX Runtime may use inside one operator; 0 lets it choose.</summary>
    [Range(0, 256)]
    public int IntraOpThreads { get; set; }

    /// <summary>
    /// Whether the app refuses to start when the model cannot be loaded. By default it starts without
    /// suggestions (and says so in the log and on the seller's page), so that listing by hand keeps working.
    /// </summary>
    public bool RequireModel { get; set; }

    /// <summary>Resolves a configured folder against the application's own folder.</summary>
    /// <param name="folder">An absolute path, or one relative to the application's folder.</param>
    public static string Resolve(string folder) =>
        Path.IsPathRooted(folder) ? folder : Path.Combine(AppContext.BaseDirectory, folder);
}

/// <summary>The execution provider setting.</summary>
public enum ExecutionProviderChoice
{
    /// <summary>CUDA when it loads on this machine, otherwise CPU.</summary>
    Auto,

    /// <summary>CUDA only; start-up fails when it cannot load.</summary>
    Cuda,

    /// <summary>CPU only, even where a GPU is present.</summary>
    Cpu,
}
