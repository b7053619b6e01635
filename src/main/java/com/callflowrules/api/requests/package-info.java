/** How API requests are read and checked: body binding and merge patches, size and parameter limits, and the constraints of the values the API takes, each format written once (ValueFormats). */
package com.callflowrules.api.requests;
