// The application's own header that happens to share a name with one of certval's. certval includes
// its headers as "certval/validator/request.h", so this one is never reached through certval; if it
// were, the build would stop here.
#error "certval included the application's validator/request.h instead of its own"
