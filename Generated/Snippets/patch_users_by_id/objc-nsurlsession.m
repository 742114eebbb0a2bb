#import <Foundation/Foundation.h>

int main(int argc, const char *argv[]) {
  @autoreleasepool {
    NSURL *url = [NSURL URLWithString:@"https://{yourDomain}/api/v2/users/USER_ID"];
    NSMutableURLRequest *request = [NSMutableURLRequest requestWithURL:url
                                                           cachePolicy:NSURLRequestUseProtocolCachePolicy
                                                       timeoutInterval:60.0];
    [request setHTTPMethod:@"PATCH"];
    [request addValue:@"Bearer MGMT_API_ACCESS_TOKEN" forHTTPHeaderField:@"Authorization"];
    [request addValue:@"application/json" forHTTPHeaderField:@"Content-Type"];
    [request setHTTPBody:[@"{\"blocked\":false,\"email_verified\":false,\"email\":\"john.doe@gmail.com\",\"phone_number\":\"+199999999999999\",\"phone_verified\":false,\"user_metadata\":{},\"app_metadata\":{},\"given_name\":\"John\",\"family_name\":\"Doe\",\"name\":\"John Doe\",\"nickname\":\"Johnny\",\"picture\":\"https://secure.gravatar.com/avatar/15626c5e0c749cb912f9d1ad48dba440?s=480&r=pg&d=https%3A%2F%2Fssl.gstatic.com%2Fs2%2Fprofiles%2Fimages%2Fsilhouette80.png\",\"verify_email\":false,\"verify_phone_number\":false,\"connection\":\"Initial-Connection\",\"client_id\":\"DaM8bokEXBWrTUFCiJjWn50jei6ardyX\"}" dataUsingEncoding:NSUTF8StringEncoding]];

    __block BOOL finished = NO;
    NSURLSessionDataTask *task = [[NSURLSession sharedSession] dataTaskWithRequest:request
        completionHandler:^(NSData *data, NSURLResponse *response, NSError *error) {
        if (error) {
          NSLog(@"%@", error);
        } else {
          NSLog(@"%ld", (long)[(NSHTTPURLResponse *)response statusCode]);
          NSLog(@"%@", [[NSString alloc] initWithData:data encoding:NSUTF8StringEncoding]);
        }
        finished = YES;
        }];
    [task resume];
    while (!finished) {
      [[NSRunLoop currentRunLoop] runMode:NSDefaultRunLoopMode beforeDate:[NSDate dateWithTimeIntervalSinceNow:0.1]];
    }
  }
  return 0;
}
