// ExportModel: the entry point of `export keras FILE.py` and `export pytorch FILE.py`.
//
// Each function checks the request (ExportPlan), then returns the whole script as text; writing
// it is the caller's job (AtomicFile.write). A model the framework would compute differently is
// refused with an ExportError rather than exported wrongly.

import LabKit

/// Writes a model as a short, runnable Python script for Keras or PyTorch.
public enum ModelExport {
    /// A Keras 3 (TensorFlow 2) script that builds the model, loads nnlab's weights from the
    /// session's safetensors file, evaluates on the test split, and can continue training.
    public static func keras(_ request: ExportRequest) throws(ExportError) -> String {
        try KerasScript(request).text
    }

    /// The same as a PyTorch script (an nn.Module, torch.optim, a training loop).
    public static func pytorch(_ request: ExportRequest) throws(ExportError) -> String {
        try PyTorchScript(request).text
    }
}
