using System.Text.Json.Serialization;

namespace FashionListing.Inference.Models;

/// <summary>
/// The contents of a model folder's <c>model.json</c>: which files make up the model, what input it
/// expects, how to read its outputs and the thresholds of its post-processing.
/// </summary>
/// <remarks>
/// Property names are the JSON field names in camel case (<c>input.mean</c>, <c>thresholds.nmsIou</c>).
/// A manifest is checked as a whole before any of its model files is loaded.
/// </remarks>
public sealed class ModelManifest
{
    /// <summary>The file name every model folder's manifest has.</summary>
    public const string FileName = "model.json";

    /// <summary>The manifest format version; only 1 exists.</summary>
    public int Format { get; set; }

    /// <summary>A short name for logs and the page, e.g. "Fashionpedia DETR-R50".</summary>
    public string? Name { get; set; }

    /// <summary>How the model's outputs are laid out, which decides the code that reads them.</summary>
    public ModelLayout? Layout { get; set; }

    /// <summary>The Fashionpedia taxonomy file, relative to the model folder.</summary>
    public string? Taxonomy { get; set; }

    /// <summary>The ONNX file, relative to the model folder (query and dense layouts).</summary>
    public string? Model { get; set; }

    /// <summary>What the model expects as input.</summary>
    public ModelInputSpec? Input { get; set; }

    /// <summary>The output tensors' names (query and dense layouts).</summary>
    public ModelOutputSpec? Outputs { get; set; }

    /// <summary>
    /// The Fashionpedia category id of each category output, in output order; absent means 0 to 45 in order.
    /// </summary>
    public IReadOnlyList<int>? Categories { get; set; }

    /// <summary>
    /// The Fashionpedia attribute id of each attribute output, in output order; absent means every attribute
    /// of the taxonomy file in increasing id order (294 for Fashionpedia).
    /// </summary>
    public IReadOnlyList<int>? Attributes { get; set; }

    /// <summary>Post-processing settings; each has a default.</summary>
    public ModelThresholds Thresholds { get; set; } = new();

    /// <summary>The starter model's own files (starter layout only).</summary>
    public StarterModelFiles? Starter { get; set; }
}

/// <summary>The output layouts the app can read.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ModelLayout>))]
public enum ModelLayout
{
    /// <summary>The project's own starter model: backbone, mask head and category head.</summary>
    Starter,

    /// <summary>
    /// Query-based (DETR style): mask logits [1, Q, h, w], category logits [1, Q, C] or [1, Q, C + 1] with a
    /// final "no object" class, and optionally attribute logits [1, Q, A].
    /// </summary>
    Query,

    /// <summary>
    /// Dense one-stage (YOLO-seg style): a detection tensor with box, class scores and mask coefficients per
    /// anchor, prototype masks [1, M, h, w], and optionally attribute logits [1, N, A].
    /// </summary>
    Dense,
}

/// <summary>The model's input tensor and how a photo becomes it.</summary>
public sealed class ModelInputSpec
{
    /// <summary>The input tensor's name in the ONNX graph, e.g. "pixel_values".</summary>
    public string? Name { get; set; }

    /// <summary>Input width in pixels.</summary>
    public int Width { get; set; }

    /// <summary>Input height in pixels.</summary>
    public int Height { get; set; }

    /// <summary>Dimension order of the input tensor.</summary>
    public TensorLayout Layout { get; set; } = TensorLayout.Nchw;

    /// <summary>How the photo is fitted to the input size.</summary>
    public ResizeMode Resize { get; set; } = ResizeMode.Stretch;

    /// <summary>The grey level (0-255, before normalisation) of the letterbox padding.</summary>
    public int PadValue { get; set; } = 114;

    /// <summary>Channel order of the input.</summary>
    public ChannelOrder Channels { get; set; } = ChannelOrder.Rgb;

    /// <summary>Pixel values 0-255 are divided by this first (255 gives 0-1; 1 keeps 0-255).</summary>
    public float Scale { get; set; } = 255f;

    /// <summary>Per-channel mean subtracted after scaling, in the order of <see cref="Channels"/>.</summary>
    public IReadOnlyList<float> Mean { get; set; } = [0f, 0f, 0f];

    /// <summary>
    /// Per-channel standard deviation divided by after the mean, in the order of <see cref="Channels"/>.
    /// </summary>
    public IReadOnlyList<float> Std { get; set; } = [1f, 1f, 1f];
}

/// <summary>Dimension order of an image tensor.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TensorLayout>))]
public enum TensorLayout
{
    /// <summary>[1, 3, height, width].</summary>
    [JsonStringEnumMemberName("NCHW")]
    Nchw,

    /// <summary>[1, height, width, 3].</summary>
    [JsonStringEnumMemberName("NHWC")]
    Nhwc,
}

/// <summary>How a photo is fitted to the model's input size.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResizeMode>))]
public enum ResizeMode
{
    /// <summary>Scaled to the input size on each axis, ignoring the aspect ratio.</summary>
    [JsonStringEnumMemberName("stretch")]
    Stretch,

    /// <summary>
    /// Scaled by one factor to fit inside, centred, the rest padded with <see cref="ModelInputSpec.PadValue"/>.
    /// </summary>
    [JsonStringEnumMemberName("letterbox")]
    Letterbox,
}

/// <summary>Channel order of the input tensor.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChannelOrder>))]
public enum ChannelOrder
{
    /// <summary>Red, green, blue.</summary>
    [JsonStringEnumMemberName("RGB")]
    Rgb,

    /// <summary>Blue, green, red (OpenCV's order).</summary>
    [JsonStringEnumMemberName("BGR")]
    Bgr,
}

/// <summary>Names of the output tensors.</summary>
public sealed class ModelOutputSpec
{
    /// <summary>Query layout: mask logits [1, Q, h, w].</summary>
    public string? MaskLogits { get; set; }

    /// <summary>Query layout: category logits [1, Q, C] or [1, Q, C + 1].</summary>
    public string? CategoryLogits { get; set; }

    /// <summary>Query layout: whether the last category output is DETR's "no object" class.</summary>
    public bool NoObjectClass { get; set; }

    /// <summary>Both layouts, optional: attribute logits [1, Q or N, A].</summary>
    public string? AttributeLogits { get; set; }

    /// <summary>Dense layout: the detection tensor, [1, 4 + C + M, N] or [1, N, 4 + C + M].</summary>
    public string? Detections { get; set; }

    /// <summary>
    /// Dense layout: whether detections are [1, N, 4 + C + M] (anchors first) rather than [1, 4 + C + M, N].
    /// </summary>
    public bool AnchorsFirst { get; set; }

    /// <summary>Dense layout: prototype masks [1, M, h, w].</summary>
    public string? Prototypes { get; set; }
}

/// <summary>Post-processing settings of a model, with the research pipeline's defaults.</summary>
public sealed class ModelThresholds
{
    /// <summary>An instance is kept only if its category score is at least this.</summary>
    public float Score { get; set; } = 0.3f;

    /// <summary>A pixel belongs to the mask where the mask probability is at least this.</summary>
    public float Mask { get; set; } = 0.5f;

    /// <summary>An attribute is suggested where its sigmoid is at least this.</summary>
    public float Attribute { get; set; } = 0.5f;

    /// <summary>How many of the best-scoring candidates go into non-maximum suppression.</summary>
    public int TopK { get; set; } = 100;

    /// <summary>Of two masks overlapping with at least this IoU, the lower-scoring one is dropped.</summary>
    public float NmsIou { get; set; } = 0.5f;

    /// <summary>At most this many instances are offered to the seller.</summary>
    public int MaxInstances { get; set; } = 15;
}

/// <summary>The starter model's files, relative to its folder.</summary>
public sealed class StarterModelFiles
{
    /// <summary>The mask head's weights, written by the mask-train command.</summary>
    public string? MaskHead { get; set; }

    /// <summary>The category head, written by the category-train command.</summary>
    public string? CategoryHead { get; set; }

    /// <summary>
    /// The category head's labels, written with it; absent means <c>category-labels.json</c> beside the head.
    /// </summary>
    public string? CategoryLabels { get; set; }

    /// <summary>The map from the starter model's garment labels to Fashionpedia categories.</summary>
    public string? LabelMap { get; set; }
}
