fn main() -> std::process::ExitCode {
    kisi::cli::main()
}
