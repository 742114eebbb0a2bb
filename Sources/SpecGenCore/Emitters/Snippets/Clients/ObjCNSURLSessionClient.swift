/// Objective-C `NSURLSession` data task in a complete `main`, running the run loop until it completes.
public struct ObjCNSURLSessionClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "objc-nsurlsession", displayName: "Objective-C NSURLSession", language: "objectivec", fileExtension: "m")

    public init() {}

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        code.line("#import <Foundation/Foundation.h>")
        code.blank()
        code.line("int main(int argc, const char *argv[]) {")
        code.indented { code in
            code.line("@autoreleasepool {")
            code.indented { code in
                code.line("NSURL *url = [NSURL URLWithString:\(StringLiteralStyle.objectiveC.literal(request.fullURL))];")
                code.line("NSMutableURLRequest *request = [NSMutableURLRequest requestWithURL:url")
                code.line("                                                       cachePolicy:NSURLRequestUseProtocolCachePolicy")
                code.line("                                                   timeoutInterval:\(request.options.timeoutSeconds ?? 60).0];")
                code.line("[request setHTTPMethod:\(StringLiteralStyle.objectiveC.literal(request.method))];")
                for header in request.headersForManualMultipart {
                    code.line("[request addValue:\(StringLiteralStyle.objectiveC.literal(header.value)) forHTTPHeaderField:\(StringLiteralStyle.objectiveC.literal(header.name))];")
                }
                switch request.body {
                case .none: break
                case .json, .text, .urlEncoded:
                    code.line("[request setHTTPBody:[\(StringLiteralStyle.objectiveC.literal(request.bodyText ?? "")) dataUsingEncoding:NSUTF8StringEncoding]];")
                case .multipart(let parts):
                    code.line("NSMutableData *body = [NSMutableData data];")
                    code.lines(ManualMultipart(parts).expressions(
                        text: { "[body appendData:[\(StringLiteralStyle.objectiveC.literal($0)) dataUsingEncoding:NSUTF8StringEncoding]];" },
                        file: { "[body appendData:[NSData dataWithContentsOfFile:\(StringLiteralStyle.objectiveC.literal($0))]];" }))
                    code.line("[request setHTTPBody:body];")
                }
                code.blank()
                code.line("__block BOOL finished = NO;")
                code.line("NSURLSessionDataTask *task = [[NSURLSession sharedSession] dataTaskWithRequest:request")
                code.line("    completionHandler:^(NSData *data, NSURLResponse *response, NSError *error) {")
                code.indented { code in
                    code.indented { code in
                        code.line("if (error) {")
                        code.indented { $0.line("NSLog(@\"%@\", error);") }
                        code.line("} else {")
                        code.indented { code in
                            code.line("NSLog(@\"%ld\", (long)[(NSHTTPURLResponse *)response statusCode]);")
                            code.line("NSLog(@\"%@\", [[NSString alloc] initWithData:data encoding:NSUTF8StringEncoding]);")
                        }
                        code.line("}")
                        code.line("finished = YES;")
                    }
                }
                code.line("    }];")
                code.line("[task resume];")
                code.line("while (!finished) {")
                code.indented { $0.line("[[NSRunLoop currentRunLoop] runMode:NSDefaultRunLoopMode beforeDate:[NSDate dateWithTimeIntervalSinceNow:0.1]];") }
                code.line("}")
            }
            code.line("}")
            code.line("return 0;")
        }
        code.line("}")
    }
}
